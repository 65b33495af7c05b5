"""The concept and the programme as the public sources state them.

German is the source language. Two kinds of German strings stand below:

Quotes, verbatim from ``shared/sources`` (the slides, the programme chapter, or
the public record of the council document in the sources' README): the
documents' titles, subtitles and publishers, the council reference and its
title, the names of the deliberating bodies, units and fields, the needs, the
financing note, each key figure's ``source_quote`` and the funding lines; in
``measures.source_data`` the measure titles and the commitments with their
passages. ``tests/test_source_data.py`` checks the field and unit names, needs,
measures, commitments, passages, source quotes, funding lines, the council
reference and its title, the dates and the deliberations against the source
text.

Editorial, written by the portal: the two documents' ``description`` texts
(German wording of facts the sources state), the key figures' ``label`` texts
(some reuse the slides' wording), the ``adoption_note`` ("einstimmig", from
the public record's "adopted unanimously") and the unit number "56", which no
source states as such: it is read off the council reference "FB 56/0150/WP17".

Nothing here is invented: the sources give no summary for the fields, no
status, date or responsible unit for any measure, and so neither do we.

Translations of these strings live in ``locale/content/<language>.json``
(German text → translation) and are loaded alongside.
"""

import datetime

CONCEPT_SLUG = "integrationskonzept-2018"
PROGRAMME_SLUG = "wandel-menschlich-gestalten"

DOCUMENTS = [
    {
        "slug": CONCEPT_SLUG,
        "kind": "concept",
        "position": 1,
        "title": "Integrationskonzept Aachen 2018",
        "subtitle": "Aachen – das sind wir alle!",
        "publisher": "FB Wohnen, Soziales und Integration, Fachbereichsleitung",
        "description": (
            "Grundlage ist die „Aachener Haltung zum Zusammenleben in Vielfalt“. "
            "107 Maßnahmen in 9 Handlungsfeldern. Nach Angaben der Stadt werden die "
            "Maßnahmen fortlaufend begleitet und evaluiert. Vorgänger ist das erste "
            "Integrationskonzept vom Oktober 2006 (7 Handlungsfelder, 23 Maßnahmen), "
            "2014 evaluiert durch ISG Köln."
        ),
        "document_date": datetime.date(2018, 4, 9),
        "council_reference": "FB 56/0150/WP17",
        "council_reference_title": "Neuaufstellung des Integrationskonzeptes der Stadt Aachen",
        "adopted_on": datetime.date(2018, 7, 11),
        "adopted_by": "Rat der Stadt Aachen",
        "adoption_note": "einstimmig",
        "url": "https://www.aachen.de/integration",
        "declared_measure_count": 107,
        "financing_note": (
            "Integration ist ein fortlaufender Prozess seit Jahren\n"
            "durch neues Konzept: Schwerpunktsetzung, Definition von Zielen und Maßnahmen\n"
            "zusätzlicher Finanzbedarf kann sich zukünftig bei der Weiterentwicklung "
            "einzelner Maßnahmen ergeben"
        ),
    },
    {
        "slug": PROGRAMME_SLUG,
        "kind": "programme",
        "position": 2,
        "title": "Wandel menschlich gestalten",
        "subtitle": "Eine soziale Gemeinschaft",
        "publisher": "harald-baal.de",
        "description": (
            "Kapitel „Eine soziale Gemeinschaft“ des Programms „Wandel menschlich "
            "gestalten“, veröffentlicht auf harald-baal.de: das Programm eines Kandidaten "
            "zur Aachener Kommunalwahl 2020."
        ),
        "url": "https://harald-baal.de/",
    },
]

# Beratungsfolge of Vorlage FB 56/0150/WP17 (public record).
DELIBERATIONS = [
    (datetime.date(2018, 4, 26), "Ausschuss für Soziales, Integration und Demographie", False),
    (datetime.date(2018, 5, 2), "Integrationsrat", False),
    (datetime.date(2018, 5, 3), "Schulausschuss", False),
    (datetime.date(2018, 5, 8), "Wohnungs- und Liegenschaftsausschuss", False),
    (datetime.date(2018, 5, 29), "Kinder- und Jugendausschuss", False),
    (datetime.date(2018, 6, 14), "Sportausschuss", False),
    (datetime.date(2018, 6, 27), "Ausschuss für Arbeit, Wirtschaft und Wissenschaft", False),
    (datetime.date(2018, 7, 11), "Rat der Stadt Aachen", True),
]

# Units the council document names: the lead first, then those involved.
# They are listed as involved in the concept, never as owners of a measure.
UNITS = [
    {
        "slug": "fb-56",
        # Editorial: read off the council reference "FB 56/0150/WP17", not stated as such.
        "number": "56",
        "name": "Fachbereich Wohnen, Soziales und Integration",
        "is_lead": True,
    },
    {
        "slug": "kinder-jugend-schule",
        "number": "",
        "name": "Fachbereich Kinder, Jugend und Schule",
        "is_lead": False,
    },
    {
        "slug": "immobilienmanagement",
        "number": "",
        "name": "Fachbereich Immobilienmanagement",
        "is_lead": False,
    },
    {"slug": "sport", "number": "", "name": "Fachbereich Sport", "is_lead": False},
    {
        "slug": "wirtschaft-wissenschaft-europa",
        "number": "",
        "name": "Fachbereich Wirtschaft, Wissenschaft und Europa",
        "is_lead": False,
    },
    {"slug": "oberbuergermeister", "number": "", "name": "Oberbürgermeister", "is_lead": False},
]

# "Die 9 Handlungsfelder", in the order of the slides.
FIELDS = [
    (1, "arbeit-weiterbildung", "Arbeit / Weiterbildung"),
    (2, "sprache-bildung", "Sprache / Bildung"),
    (3, "wohnen-sozialplanung", "Wohnen / Sozialplanung"),
    (4, "sport", "Sport"),
    (5, "gesundheit", "Gesundheit"),
    (6, "kultur", "Kultur"),
    (7, "religion", "Religion"),
    (8, "sicherheit-rassismus-extremismus", "Sicherheit / Rassismus / Extremismus"),
    (9, "oeffentlichkeitsarbeit-presse", "Öffentlichkeitsarbeit / Presse"),
]

# The one field the slides spell out.
NEEDS = {
    "wohnen-sozialplanung": [
        "Grundversorgung mit bezahlbarem Wohnraum",
        "Vermeidung von Segregation & Gentrifizierung im Quartier",
        "Integrierte Planung im Quartier, die vor Ort ein Leben in Vielfalt ermöglicht und fördert",
    ],
}

KEY_FIGURES = [
    {
        "slug": "nationen",
        "document": CONCEPT_SLUG,
        "label": "Nationen, aus denen Menschen in Aachen leben",
        "value": "150",
        "unit": "count",
        "qualifier": "over",
        "year": None,
        "source_quote": "In Aachen leben Menschen aus über 150 Nationen",
    },
    {
        "slug": "religionsgemeinschaften",
        "document": CONCEPT_SLUG,
        "label": "Religionsgemeinschaften sind Mitglieder im Dialog der Religionen",
        "value": "19",
        "unit": "count",
        "qualifier": "exact",
        "year": None,
        "source_quote": "19 Religionsgemeinschaften sind Mitglieder im Dialog der Religionen",
    },
    {
        "slug": "anteil-migrantinnen-2010",
        "document": CONCEPT_SLUG,
        "label": "Anteil der Migrant/innen an der Aachener Bevölkerung",
        "value": "32.4",
        "unit": "percent",
        "qualifier": "exact",
        "year": 2010,
        "source_quote": "2010: 32,4%",
    },
    {
        "slug": "anteil-migrantinnen-2016",
        "document": CONCEPT_SLUG,
        "label": "Anteil der Migrant/innen an der Aachener Bevölkerung",
        "value": "36.4",
        "unit": "percent",
        "qualifier": "exact",
        "year": 2016,
        "source_quote": "2016: 36,4%",
    },
    {
        "slug": "einwohner",
        "document": PROGRAMME_SLUG,
        "label": "Menschen leben in Aachen",
        "value": "250000",
        "unit": "count",
        "qualifier": "about",
        "year": None,
        "source_quote": "In Aachen leben etwa 250.000 Menschen.",
    },
]

FUNDING_LINES = {
    "municipal": [
        "Projekte zur Integration",
        "Stadtteifond",  # sic: spelled so in the slides
        "Integration durch Sport",
        "Mittel im Bereich des KI",
    ],
    "state": [
        "Sach- und Personalmittel in 2016-18 für das KI",
        "Landes-Förderung über das Programm KOMM-AN",
    ],
}
