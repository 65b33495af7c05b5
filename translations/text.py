"""Rules for text that users write and that the portal writes out.

One place for each rule, used by every input and output:

- ``neutralise`` / ``restore``: a text cell a spreadsheet program could run as
  a formula (it starts with ``= + - @``, a tab or a carriage return) gets a
  leading apostrophe in every CSV and spreadsheet the portal writes (admin
  export and the public open-data CSVs); ``restore`` undoes it on import.
"""

# Cells starting with these may be run as formulas by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


def neutralise(value):
    """Prefix a text cell that a spreadsheet could run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + value
    return value


def restore(value):
    """Undo ``neutralise`` on import, so export → import is lossless."""
    if (
        isinstance(value, str)
        and value.startswith(NEUTRALISER)
        and value[1:].startswith(FORMULA_TRIGGERS)
    ):
        return value[1:]
    return value
