"""Numbers and percentages in the active locale's format (CLDR, through Babel)."""

from decimal import Decimal

from babel.numbers import format_decimal, format_percent
from django.conf import settings
from django.utils.translation import get_language, pgettext, to_locale


def babel_locale() -> str:
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def locale_number(value) -> str:
    """250.000 (de), 250,000 (en, ar); one decimal only where the value has one."""
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 1
    pattern = "#,##0" if decimals == 0 else "#,##0.0"
    return format_decimal(value, format=pattern, locale=babel_locale())


def locale_percent(value) -> str:
    """A percentage in the active locale's format: 36,4 % (de), %36,4 (tr), 36.4% (ar)."""
    return format_percent(Decimal(value) / 100, locale=babel_locale(), decimal_quantization=False)


def locale_signed(value) -> str:
    """A change figure with its sign in the locale's symbols: +3, -2 (CLDR plus and minus)."""
    from babel.numbers import get_minus_sign_symbol, get_plus_sign_symbol

    value = Decimal(value)
    if value > 0:
        sign = get_plus_sign_symbol(babel_locale())
    elif value < 0:
        sign = get_minus_sign_symbol(babel_locale())
    else:
        sign = ""
    return sign + locale_number(abs(value))


# Punctuation the catalogue gives per language: the German source writes ", " and
# ": "; Arabic "، ", Chinese "、" between list items and "，" between clauses.
def list_separator() -> str:
    return pgettext("list separator", ", ")


def clause_separator() -> str:
    return pgettext("clause separator", ", ")


def label_separator() -> str:
    return pgettext("label separator", ": ")


def locale_list(items) -> str:
    """Items joined with the language's list separator."""
    return list_separator().join(str(item) for item in items)
