"""Language negotiation for unprefixed URLs and the remembered language choice."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import trans_real


def supported_language(code: str | None) -> str | None:
    """The configured language that serves ``code`` (e.g. zh-CN → zh-hans), or None."""
    if not code or not trans_real.language_code_re.search(code):
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def negotiated_language(request) -> str:
    """Where a visitor without a language prefix goes.

    In this order: the first configured language the browser asks for
    (Accept-Language), then the remembered choice (cookie set on every visit
    to a prefixed page), then German.
    """
    accept = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in trans_real.parse_accept_lang_header(accept):
        if code == "*":
            break
        language = supported_language(code)
        if language:
            return language
    remembered = supported_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    return remembered or settings.LANGUAGE_CODE


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with the portal's negotiation order and memory.

    - A prefixed URL (``/ar/…``) is always served in its language.
    - An unprefixed URL (``/``, ``/massnahmen/3.1/``) redirects to the
      negotiated language (see ``negotiated_language``); the redirect varies
      on Accept-Language and Cookie.
    - Visiting a prefixed page (which is what the language switcher links to)
      remembers its language in the language cookie.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            language = negotiated_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        language = translation.get_language_from_path(request.path_info)
        if (
            language
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
