"""URL converter for measure codes ("3.1"), registered once for every URLconf."""

from django.urls import register_converter

from .models import CODE_PATTERN


class MeasureCodeConverter:
    """A code as staff give it: letters, digits, dots, hyphens, underscores.

    Anything else (control characters, NUL, slashes, very long strings) is no
    measure's code, so the URL does not match and the answer is a plain 404.
    """

    regex = CODE_PATTERN.removeprefix("^").removesuffix("$")

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(MeasureCodeConverter, "measure_code")
