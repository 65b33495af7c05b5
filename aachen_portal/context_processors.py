from django.urls import translate_url
from django.utils.translation import get_language, get_language_from_path, get_language_info

from translations.languages import in_source_language, language_codes


def unprefixed(path: str) -> str:
    """The path without its language prefix: it negotiates the visitor's language."""
    language = get_language_from_path(path)
    if language is None:
        return path
    return path[len(language) + 1 :] or "/"


def languages(request):
    """The same page in every configured language, for the switcher and hreflang.

    ``language_links`` lists every language of ``settings.LANGUAGES`` (named in
    itself, with its direction); ``language_default_url`` is the page without a
    language prefix, which redirects to the visitor's language (hreflang
    x-default); ``german_url`` is the same page in German, the source language.
    """
    current = get_language()
    path = request.get_full_path()
    links = []
    for code in language_codes():
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": translate_url(path, code),
                "is_current": code == current,
            }
        )
    german_url = in_source_language(path)
    return {
        "language_links": links,
        "language_default_url": unprefixed(german_url),
        "german_url": german_url,
    }
