"""Measures and commitments as the public sources state them, quoted exactly.

The slides name 6 of the 107 Maßnahmen, all in "Wohnen / Sozialplanung"; they
name no status, date or responsible unit, so every shipped measure starts as
"kein Sachstand gemeldet" with none of these. The 11 commitments are the points
under "Wir stehen für"; each passage is the programme's prose it summarises.

Links from commitments to fields and measures are the portal's editorial
reading of the texts, only where the wording makes the link evident, and are
marked as editorial (``LinkBasis.EDITORIAL``).
"""

from fields.source_data import PROGRAMME_SLUG

# (field slug, position, title). Codes are "<field number>.<position>".
MEASURES = [
    ("wohnen-sozialplanung", 1, "Verschränkung von Wohnraum- und Sozialentwicklungsplanung"),
    ("wohnen-sozialplanung", 2, "Stärkung partizipativer Prozesse bei Planung und Vermarktung"),
    ("wohnen-sozialplanung", 3, "Interkulturelles und kultursensibles Wohnen (Neue Wohnformen)"),
    (
        "wohnen-sozialplanung",
        4,
        "Sensibilisierung der privaten Immobilienwirtschaft für Interkulturalität",
    ),
    (
        "wohnen-sozialplanung",
        5,
        "Verständlicher und mehrsprachiges Informationsmaterial zum Thema Wohnen",
    ),
    (
        "wohnen-sozialplanung",
        6,
        "Umsetzung des Konzeptes zum Quartiersmanagement und bedarfsgerechter Ausbau",
    ),
]

COMMITMENTS_PROGRAMME = PROGRAMME_SLUG

COMMITMENTS = [
    {
        "slug": "bunte-vielfalt",
        "title": "Bunte Vielfalt auf der Basis gemeinsamer Werte",
        "passage": (
            "Aachen ist vielfältig und das ist auch gut so. Doch gerade eine bunte "
            "Gesellschaft, in der jeder, unabhängig von Herkunft, Religion, Behinderungen, "
            "sexueller Orientierung und des Geschlechts seinen Platz finden kann, braucht es "
            "gemeinsame Werte. Respekt, Solidarität und Toleranz sind eine unerlässliche "
            "Grundlage für eine gutes Miteinander. Deshalb wollen wir diese Werte weiter stärken."
        ),
        "fields": [],
        "measures": [],
    },
    {
        "slug": "sozialplanung",
        "title": "Vernetzte, flächendeckende Sozialplanung",
        "passage": (
            "Die Stärkung des Miteinanders in Aachen beginnt mit einer guten Sozialplanung. "
            "Die Aachener Sozialplanung muss die wichtigen Bereichen Kinder- und Jugendhilfe "
            "sowie Schule miteinbeziehen. Sie muss mit den allgemeinen Zielen der "
            "Stadtentwicklung in Einklang stehen. Deshalb setzen wir uns für eine vernetzte, "
            "fächerübergreifende Sozialplanung ein."
        ),
        "fields": ["wohnen-sozialplanung"],
        "measures": ["3.1"],
    },
    {
        "slug": "freie-traeger",
        "title": "Partnerschaftliche Zusammenarbeit mit freien Trägern durch Leistungsvereinbarungen",
        "passage": (
            "Bei der Umsetzung unserer sozialpolitischen Ziele zählen die freien Träger zu "
            "unseren wichtigsten Partnern. Sie tragen auf vielfältige Weise zur Stärkung des "
            "Miteinanders in Aachen bei. Deshalb stehen wir zu dieser starken Partnerschaft "
            "zwischen freien Trägern und der Stadt Aachen. Auch in Zukunft sollen "
            "Leistungsvereinbarungen getroffen und auf Grundlage der Sozialberichterstattung "
            "weiterentwickelt werden."
        ),
        "fields": [],
        "measures": [],
    },
    {
        "slug": "ehrenamt",
        "title": "Stärkungen des Ehrenamtes",
        "passage": (
            "Auch die zahlreichen ehrenamtlich Engagierten sind eine unerlässliche Stütze für "
            "die Aachener Sozialpolitik. Wir sind dankbar für jeden, der sich in einem Verein, "
            "einer Initiative oder auf andere Weise für das Miteinander in unserer Stadt "
            "einsetzt. Deshalb gilt es Angebote wie den Aachener Ehrenamtspass weiter zu "
            "stärken, um Anerkennung und Dank auszudrücken und für die Fortsetzung des "
            "Engagements zu motivieren."
        ),
        "fields": [],
        "measures": [],
    },
    {
        "slug": "fluechtlings-und-integrationspolitik",
        "title": "Flüchtlings- und Integrationspolitik mit Herz und Verstand",
        "passage": (
            "Die Stadt Aachen muss auch weiterhin verantwortungsvoll handeln und ihren Beitrag "
            "bei der Aufnahme von Geflüchteten leisten. Wir möchten, dass Geflüchtete "
            "angemessen untergebracht und versorgt werden. Genauso wichtig ist eine kompetente "
            "Betreuung. Sie ist der Schlüssel für eine erfolgreiche persönliche und berufliche "
            "Integration aller Migranten. Daran sind alle städtischen und gesellschaftlichen "
            "Institutionen zu beteiligen."
        ),
        "fields": ["arbeit-weiterbildung"],
        "measures": [],
    },
    {
        "slug": "wohnraumangebot",
        "title": "Angemessenes Wohnraumangebot",
        "passage": (
            "Wohnen ist eine wichtige Grundlage für gesellschaftliche Teilhabe. Deshalb wollen "
            "wir das Angebot an öffentlich geförderten Wohnraum ausweiten. Dabei setzen wir auf "
            "das Aachener Modell zur kommunalen Wohnungsbauförderungen. Mit den Mitteln des "
            "Erbbaurechts sollen private Eigentümer dazu angeregt werden, über einen langen "
            "Zeitraum öffentlich geförderten Wohnraum zu schaffen."
        ),
        "fields": ["wohnen-sozialplanung"],
        "measures": [],
    },
    {
        "slug": "zwangsprostitution",
        "title": "Kampf gegen Zwangsprostitution",
        "passage": (
            "Wir lehnen Zwangsprostitution strikt ab. Gegen Sie wollen wir in der "
            "Antoniusstraße und im gesamten Stadtgebiet konsequent vorgehen. Neben einer engen "
            "Zusammenarbeit mit der Polizei und anderen Sicherheits- und Ordnungsbehörden ist "
            "es wichtig, dass den betroffenen Frauen sichere Anlauf- und Beratungsstellen zur "
            "Verfügung stehen."
        ),
        "fields": ["sicherheit-rassismus-extremismus"],
        "measures": [],
    },
    {
        "slug": "sozialraeume",
        "title": "Stärkung der Sozialräume durch Quartiersmanagements und Stadtteilbüros",
        "passage": (
            "Ein gedeihliches Miteinander beginnt schon im Quartier. Deshalb muss sich die "
            "Sozialpolitik der Stadt Aachen an den Sozialräumen orientieren. Die Schaffung und "
            "Ausweitung von Quartiersmanagementstellen und Stadtteilbüros ist dafür der "
            "richtige Weg."
        ),
        "fields": ["wohnen-sozialplanung"],
        "measures": ["3.6"],
    },
    {
        "slug": "bushof",
        "title": "Soziale Quartiersarbeit am Bushof in Kooperation mit Ordnungsamt und Polizei",
        "passage": (
            "Das Quartiersmanagement am Bushof zeigt derzeit, dass es gerade auch in "
            "schwierigen Lagen wichtig ist, Ansprechpartner und „Kümmerer“ zu haben. In Zukunft "
            "soll die dortige Arbeit durch eine gemeinsame Wache von Polizei- und Ordnungsamt "
            "unterstützt werden."
        ),
        "fields": ["wohnen-sozialplanung"],
        "measures": ["3.6"],
    },
    {
        "slug": "seniorinnen",
        "title": "Wohnortnahe Angebote für Senior*innen",
        "passage": (
            "Gerade für Senior*innen, für die weitere Wege manchmal beschwerlich sein können, "
            "sind die Angebote vor Ort besonders wichtig. Daher setzen wir uns für eine "
            "Infrastruktur ein, die eine wohnortnahe Versorgung gewährleistet. Wichtig ist "
            "auch, dass Pflegeangebote gebündelt zur Verfügung stehen."
        ),
        "fields": [],
        "measures": [],
    },
    {
        "slug": "richtericher-dell",
        "title": (
            "Entwicklung des „Richtericher Dell“ zum altengerechten und "
            "generationenübergreifenden Wohngebiet"
        ),
        "passage": (
            "Ein sinnvoller Weg, um dem demografischen Wandel zu begegnen, sind altengerechte "
            "und generationsübergreifende Wohnformen.\n\n"
            "Das neue Wohngebiet „Richtericher Dell“ soll dafür ein Beispiel werden."
        ),
        "fields": ["wohnen-sozialplanung"],
        "measures": [],
    },
]
