"""Numbers and percentages in the active locale's format (CLDR, through Babel)."""

from decimal import Decimal

from babel.numbers import format_decimal, format_percent
from django.conf import settings
from django.utils.translation import get_language, to_locale


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
