"""The catalogue's columns, what staff write into them, and formula-safe cells.

``COLUMN_DOCS`` is shown on the admin's import page and described in the
README. Formula-safe cells follow the portal's one rule,
``translations.text.neutralise`` (undone on import by ``restore``, so
export → import is lossless).
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from translations.languages import columns, language_codes

LANGUAGE_CODES = language_codes()


def localized(name: str) -> list[str]:
    return columns(name)


# The columns, in file order, with what staff write into them (shown on the
# import page and in the README). German title is required for new measures.
COLUMN_DOCS: list[tuple[str, str]] = [
    (
        "code",
        gettext_lazy(
            "Kennung der Maßnahme, z. B. „3.1“ "
            "(Pflicht; bestimmt, welche Maßnahme aktualisiert wird)"
        ),
    ),
    (
        "field",
        gettext_lazy(
            "Handlungsfeld: Nummer (1–9) oder Name, z. B. „3“ oder "
            "„Wohnen / Sozialplanung“ (Pflicht bei neuen Maßnahmen)"
        ),
    ),
    ("position", gettext_lazy("Position im Handlungsfeld; leer: aus der Kennung (3.1 → 1)")),
    *[
        (
            name,
            format_lazy(
                "{} ({}); {}",
                gettext_lazy("Titel"),
                code,
                gettext_lazy("Deutsch ist Pflicht bei neuen Maßnahmen"),
            ),
        )
        for name, code in zip(localized("title"), LANGUAGE_CODES, strict=True)
    ],
    *[
        (name, format_lazy("{} ({})", gettext_lazy("Beschreibung"), code))
        for name, code in zip(localized("description"), LANGUAGE_CODES, strict=True)
    ],
    (
        "responsible_unit",
        gettext_lazy(
            "Verantwortlicher Fachbereich: Name, Nummer (z. B. „FB 56“) oder Kürzel; "
            "muss im Portal angelegt sein"
        ),
    ),
    *[
        (name, format_lazy("{} ({})", gettext_lazy("Partner"), code))
        for name, code in zip(localized("partners"), LANGUAGE_CODES, strict=True)
    ],
    ("district", gettext_lazy("Stadtbezirk / Sozialraum")),
    ("start_date", gettext_lazy("Beginn: TT.MM.JJJJ oder JJJJ-MM-TT")),
    ("target_date", gettext_lazy("Zieldatum: TT.MM.JJJJ oder JJJJ-MM-TT")),
    (
        "status",
        gettext_lazy("Status, wie im Portal benannt, z. B. „in Umsetzung“; leer: unverändert"),
    ),
    ("progress", gettext_lazy("Fortschritt in Prozent, 0–100; nur zusammen mit einem Status")),
    ("status_date", gettext_lazy("Sachstand vom (Datum); leer: Tag des Imports")),
    (
        "published",
        gettext_lazy(
            "öffentlich sichtbar: ja oder nein; leer: neue Maßnahmen bleiben unveröffentlicht"
        ),
    ),
    (
        "council_papers",
        gettext_lazy(
            "Ratsvorlagen zur Maßnahme: Aktenzeichen, getrennt durch „;“, z. B. "
            "„FB 56/0150/WP17“; nur Vorlagen, die aus dem Ratsinformationssystem abgeglichen "
            "sind; leer: keine"
        ),
    ),
]
COLUMNS = [name for name, _doc in COLUMN_DOCS]
STATUS_COLUMNS = ("status", "progress", "status_date")
PAPERS_COLUMN = "council_papers"
PAPER_SEPARATOR = ";"
