"""Uploaded bytes → a checked ``tablib.Dataset``, or a ``SpreadsheetError`` saying why not.

CSV from Excel in UTF-8 (with or without BOM) or cp1252, separated by
semicolons, commas or tabs, and XLSX (the first sheet); the size limit is
``settings.MEASURE_IMPORT_MAX_BYTES``.
"""

import csv
import io
import re
import zipfile
from collections import Counter

import tablib
from django.conf import settings
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from .columns import COLUMNS, restore


class SpreadsheetError(Exception):
    """The file cannot be read as a catalogue; ``message`` says why, in German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def max_bytes() -> int:
    return settings.MEASURE_IMPORT_MAX_BYTES


def _size_label(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def check_size(size: int) -> None:
    if size > max_bytes():
        raise SpreadsheetError(
            _("Die Datei ist zu groß (%(size)s); erlaubt sind höchstens %(limit)s.")
            % {"size": _size_label(size), "limit": _size_label(max_bytes())}
        )


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or, as Excel writes on German Windows, cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SpreadsheetError(
            _(
                "Die Datei ist in UTF-16 („Unicode-Text“) gespeichert. Bitte in Excel als "
                "„CSV UTF-8 (durch Trennzeichen getrennt)“ oder als XLSX speichern."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            _(
                "Die Zeichenkodierung der Datei ist weder UTF-8 noch Windows-1252 "
                "(Byte %(position)d). Bitte als „CSV UTF-8“ oder als XLSX speichern."
            )
            % {"position": error.start + 1}
        ) from error
    return text


def _looks_binary(text: str) -> bool:
    return any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x1a\x1b")


def read_csv(data: bytes) -> tablib.Dataset:
    text = decode_text(data)
    if _looks_binary(text[:4096]):
        raise SpreadsheetError(_("Die Datei ist keine Tabelle (CSV oder XLSX)."))
    header_line = text.lstrip("\r\n").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ","
    check_row_lengths(text, delimiter)
    return base_formats.CSV().create_dataset(text, delimiter=delimiter)


def check_row_lengths(text: str, delimiter: str) -> None:
    """Refuse a row with more cells than the header (e.g. a separator at its end)."""
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    width = None
    for line, row in enumerate(rows, start=1):
        if width is None:
            width = len(row)
            continue
        if len(row) > width:
            raise SpreadsheetError(
                _(
                    "Zeile %(line)d, Spalte %(column)d: Diese Zeile hat %(cells)d Zellen, die "
                    "Kopfzeile nur %(width)d Spaltennamen (oft ein Trennzeichen „%(delimiter)s“ "
                    "am Zeilenende). Bitte die überzähligen Zellen löschen oder der Spalte "
                    "einen Namen geben. Es wurde nichts gespeichert."
                )
                % {
                    "line": line,
                    "column": width + 1,
                    "cells": len(row),
                    "width": width,
                    "delimiter": delimiter,
                }
            )


def read_xlsx(data: bytes) -> tablib.Dataset:
    try:
        dataset = base_formats.XLSX().create_dataset(data)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise SpreadsheetError(_("Die Datei ist keine lesbare Excel-Tabelle (XLSX).")) from error
    check_formula_values(data, dataset)
    return dataset


def check_formula_values(data: bytes, dataset: tablib.Dataset) -> None:
    """Refuse formula cells without a stored value (written by a program, never opened
    in Excel): they would read as empty without a word."""
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False).active
    values = [list(dataset.headers or []), *(list(row) for row in dataset)]
    for line, row in enumerate(sheet.iter_rows(), start=1):
        for index, cell in enumerate(row):
            formula = getattr(cell, "data_type", None) == "f" or (
                isinstance(cell.value, str) and cell.value.startswith("=")
            )
            if not formula:
                continue
            cached = (
                values[line - 1][index]
                if line - 1 < len(values) and index < len(values[line - 1])
                else None
            )
            if cached in (None, ""):
                header = values[0][index] if index < len(values[0]) else index + 1
                raise SpreadsheetError(
                    _(
                        "Zeile %(line)d, Spalte „%(column)s“: eine Formel (%(formula)s) ohne "
                        "gespeicherten Wert. Bitte die Datei in Excel öffnen und speichern "
                        "oder die Werte als Werte einfügen. Es wurde nichts gespeichert."
                    )
                    % {"line": line, "column": header, "formula": cell.value}
                )


def normalise_header(value) -> str:
    return re.sub(r"[\s\-]+", "_", str(value or "").strip().lstrip("\ufeff").lower())


def read_spreadsheet(data: bytes) -> tablib.Dataset:
    """Turn uploaded bytes into a dataset with checked headers, or raise SpreadsheetError."""
    check_size(len(data))
    if not data.strip():
        raise SpreadsheetError(_("Die Datei ist leer."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _("Das alte Excel-Format (.xls) wird nicht gelesen. Bitte als XLSX oder CSV speichern.")
        )
    dataset = read_xlsx(data) if zipfile.is_zipfile(io.BytesIO(data)) else read_csv(data)

    headers = [normalise_header(h) for h in (dataset.headers or [])]
    while (
        headers
        and headers[-1] == ""
        and all(row[len(headers) - 1] in (None, "") for row in dataset)
    ):
        # Trailing unnamed empty columns, as Excel sometimes leaves them.
        del dataset[dataset.headers[len(headers) - 1]]
        headers.pop()
    if "code" not in headers:
        raise SpreadsheetError(
            _(
                "Die Datei ist keine Maßnahmentabelle: Die erste Zeile muss die "
                "Spaltennamen enthalten, mindestens „code“. Gefunden: %(found)s. "
                "Eine Vorlage gibt es auf der Import-Seite."
            )
            % {"found": ", ".join(f"„{h}“" for h in headers[:8]) or _("nichts")}
        )
    unknown = [h for h in headers if h not in COLUMNS]
    if unknown:
        raise SpreadsheetError(
            _("Unbekannte Spalte(n): %(unknown)s. Erlaubt sind: %(allowed)s.")
            % {
                "unknown": ", ".join(f"„{h}“" for h in unknown),
                "allowed": ", ".join(COLUMNS),
            }
        )
    duplicated = [h for h, n in Counter(headers).items() if n > 1]
    if duplicated:
        raise SpreadsheetError(
            _("Spalte(n) doppelt: %(columns)s.")
            % {"columns": ", ".join(f"„{h}“" for h in duplicated)}
        )
    rows = [[restore(cell) for cell in row] for row in dataset]
    if not any(any(cell not in (None, "") for cell in row) for row in rows):
        raise SpreadsheetError(_("Die Datei enthält keine Maßnahmen, nur Spaltennamen."))
    return tablib.Dataset(*rows, headers=headers)
