"""Which addresses are public pages: everything under a language prefix, the data
files and the sitemap.

The page cache keeps these pages and the HTTP validators mark them; the admin,
robots.txt and the redirects of unprefixed addresses are neither.
"""

from translations.languages import language_codes

UNPREFIXED_PUBLIC = ("/daten/", "/sitemap.xml")


def public_prefixes() -> tuple[str, ...]:
    """Path prefixes of the public pages, for ``str.startswith``."""
    return tuple(f"/{code}/" for code in language_codes()) + UNPREFIXED_PUBLIC
