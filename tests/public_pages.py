"""Every public page of the portal, derived from the URL configuration.

Each named pattern under ``i18n_patterns`` is a public page. Patterns without
arguments are reversed; patterns with arguments are reached through the
``get_absolute_url`` of the first (published) object of each model. A public
pattern no object reaches fails the tests, so a new page cannot go untested.
"""

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

FEED_ROUTE = "feeds/"
DOCUMENT_SUFFIX = ".pdf"  # documents rendered from a page (the report as PDF), not pages


def _named_patterns(patterns, namespace="", prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry.url_patterns, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            route = prefix + str(entry.pattern)
            yield f"{namespace}{entry.name}", bool(entry.pattern.regex.groupindex), route


def _language_patterns():
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            yield from _named_patterns(entry.url_patterns)


def public_pattern_names() -> dict[str, bool]:
    """View name → whether it takes arguments, for every HTML page under a language prefix.

    Atom feeds (routes under ``feeds/``) live under the prefix too but are not
    HTML pages; ``feed_pattern_names`` lists them.
    """
    return {
        name: takes_arguments
        for name, takes_arguments, route in _language_patterns()
        if not route.startswith(FEED_ROUTE) and not route.endswith(DOCUMENT_SUFFIX)
    }


def feed_pattern_names() -> set[str]:
    return {name for name, _args, route in _language_patterns() if route.startswith(FEED_ROUTE)}


def _sample_objects():
    for model in apps.get_models():
        if not hasattr(model, "get_absolute_url") or model._meta.app_label not in {
            "fields",
            "measures",
        }:
            continue
        manager = model._default_manager
        queryset = manager.published() if hasattr(manager.all(), "published") else manager.all()
        yield from queryset.order_by("pk")[:1]


def public_urls(language: str) -> dict[str, str]:
    """View name → one URL of that page in ``language``."""
    urls = {}
    with translation.override(language):
        for name, takes_arguments in public_pattern_names().items():
            if not takes_arguments:
                urls[name] = reverse(name)
        for obj in _sample_objects():
            try:
                url = obj.get_absolute_url()
            except Exception:  # noqa: BLE001 - a model whose page does not exist yet
                continue
            with translation.override(language):
                urls.setdefault(resolve(url).view_name, url)
    return {name: url for name, url in urls.items() if name in public_pattern_names()}
