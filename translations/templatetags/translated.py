"""Template tags for translated content with an honest German fallback, and locale formats.

``{% load translated %}``: ``{% localized %}``, ``{% localized_text %}``,
``{% translation_notices %}``, the ``percent`` and ``signed`` filters and
``{% separator "list"|"clause"|"label" %}``.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..display import shown
from ..formatting import (
    clause_separator,
    label_separator,
    list_separator,
    locale_percent,
    locale_signed,
)
from ..languages import direction, in_source_language, source_language
from ..provenance import ProvenanceLookup, TranslationState

register = template.Library()

PAGE_KEY = "_portal_translation_page"


class TranslationPage:
    """What one rendered page showed: provenance cache and machine-translated texts."""

    def __init__(self):
        self.lookup = ProvenanceLookup()
        self.machine_translated = False


def page_of(context) -> TranslationPage:
    page = context.get(PAGE_KEY)
    if page is None:  # used outside {% translation_notices %}: a page of its own
        page = TranslationPage()
    return page


def german_url(context) -> str:
    request = context.get("request")
    if request is None:
        return ""
    return in_source_language(request.get_full_path())


def render_text(text: str, block: bool, css_class: str = "", language: str = ""):
    """Text as inline or block HTML, optionally in an element marking its language.

    Inline text is isolated for bidi (``<bdi>``, or a span styled with
    ``unicode-bidi: isolate``), so a right-to-left title cannot reorder the
    words and numbers that follow it; a block is a bidi paragraph of its own.
    """
    body = mark_safe(linebreaks_filter(text)) if block else conditional_escape(text)  # noqa: S308
    if not css_class and not language:
        return body if block else format_html("<bdi>{}</bdi>", body)
    attrs = ""
    if language:
        attrs = format_html(' lang="{}" dir="{}"', language, direction(language))
    if css_class:
        attrs = format_html('{} class="{}"', attrs, css_class)
    tag = "div" if block else "span"
    return format_html("<{tag}{attrs}>{body}</{tag}>", tag=mark_safe(tag), attrs=attrs, body=body)


def hint(text: str, block: bool, link: str = "", link_text: str = ""):
    """A short visible note after a text; with a link to the German page if given."""
    if link:
        content = format_html('{} – <a href="{}" hreflang="de">{}</a>', text, link, link_text)
    else:
        content = conditional_escape(text)
    if block:
        return format_html('<p class="fallback-hint">{}</p>', content)
    return format_html(' <small class="fallback-hint">({})</small>', content)


@register.simple_tag(takes_context=True)
def localized(context, obj, field_name: str, block: bool = False):
    """A translated field in the active language, chosen by ``translations.display.shown``
    and honestly labelled.

    - A reviewed translation (or an original text) is shown as it is.
    - An unreviewed machine translation is shown, marked with the class
      ``machine-translation``; the page then carries the notice "automatisch
      übersetzt – deutsches Original" (see ``{% translation_notices %}``), and a
      block text gets the notice right below it.
    - A missing or outdated translation falls back to the German text inside
      an element with ``lang="de"`` (WCAG 3.1.2, language of parts) followed by
      a visible hint.
    - Where even the German text is empty, the first language that has one is
      shown, marked with its language: never an empty title.

    ``block=True`` renders paragraphs.
    """
    page = page_of(context)
    text = shown(obj, field_name, lookup=page.lookup)
    if not text.text:
        return ""
    if text.is_machine_translation:
        page.machine_translated = True
        html = render_text(text.text, block, "machine-translation")
        if not block:
            return html
        return html + hint(
            _("automatisch übersetzt"), True, german_url(context), _("deutsches Original")
        )
    if not text.is_fallback:
        return render_text(text.text, block)
    html = render_text(text.text, block, "fallback", text.language)
    if text.state == TranslationState.OUTDATED:
        return html + hint(_("Übersetzung veraltet – deutscher Originaltext"), block)
    if text.language == source_language():
        return html + hint(_("noch nicht übersetzt – deutscher Originaltext"), block)
    return html + hint(_("noch nicht übersetzt"), block)


@register.simple_tag(takes_context=True)
def localized_text(context, obj, field_name: str) -> str:
    """The same choice of text as ``{% localized %}``, as plain text without markup.

    For places that cannot hold markup: ``<title>``, ``<meta>`` and attribute
    values. An outdated or missing translation gives the German text.
    """
    return shown(obj, field_name, lookup=page_of(context).lookup).text


class TranslationNoticesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        page = TranslationPage()
        with context.push(**{PAGE_KEY: page}):
            content = self.nodelist.render(context)
        if not page.machine_translated:
            return content
        notice = format_html(
            '<p class="translation-notice">{} <a href="{}" hreflang="de">{}</a></p>',
            _("Teile dieser Seite sind automatisch übersetzt und noch nicht geprüft."),
            german_url(context),
            _("Deutsches Original lesen"),
        )
        return notice + content


@register.tag
def translation_notices(parser, token):
    """Wrap a page's content; if it shows machine translations, say so once at its top.

    ``{% translation_notices %}…{% endtranslation_notices %}`` renders its
    content first, so it knows whether any ``{% localized %}`` text in it was
    an unreviewed machine translation, and shares one provenance lookup among
    all of them (one query per model and language).
    """
    nodelist = parser.parse(("endtranslation_notices",))
    parser.delete_first_token()
    return TranslationNoticesNode(nodelist)


@register.filter
def percent(value) -> str:
    """A progress percentage in the active locale's format."""
    if value is None:
        return ""
    return locale_percent(value)


@register.filter
def signed(value) -> str:
    """A change figure with a direction-safe sign: ``<bdi dir="ltr">-1</bdi>`` in any language."""
    if value is None:
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', locale_signed(value))


SEPARATORS = {"list": list_separator, "clause": clause_separator, "label": label_separator}


@register.simple_tag
def separator(kind: str) -> str:
    """The language's punctuation between list items, clauses or a label and its value."""
    return SEPARATORS[kind]()
