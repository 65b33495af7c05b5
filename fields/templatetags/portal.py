"""Template helpers for multilingual content with an honest German fallback."""

from decimal import Decimal

from babel.numbers import format_decimal, format_percent
from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from fields.provenance import ProvenanceLookup, TranslationState, column, normalised

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
    return translate_url(request.get_full_path(), settings.LANGUAGE_CODE)


def render_text(text: str, block: bool, css_class: str = "", language: str = ""):
    """Text as inline or block HTML, optionally in an element marking its language."""
    body = mark_safe(linebreaks_filter(text)) if block else conditional_escape(text)  # noqa: S308
    if not css_class and not language:
        return body
    attrs = ""
    if language:
        direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
        attrs = format_html(' lang="{}" dir="{}"', language, direction)
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


def first_available(obj, field_name: str) -> tuple[str, str]:
    """German, or else the first language that has the text: never an empty title."""
    codes = [settings.LANGUAGE_CODE] + [c for c, _n in settings.LANGUAGES]
    for code in codes:
        text = getattr(obj, column(field_name, code), "") or ""
        if normalised(text):
            return code, text
    return settings.LANGUAGE_CODE, ""


@register.simple_tag(takes_context=True)
def localized(context, obj, field_name: str, block: bool = False):
    """A translated field in the active language, honestly labelled.

    - A reviewed translation (or an original text) is shown as it is.
    - An unreviewed machine translation is shown, marked with the class
      ``machine-translation``; the page then carries the notice "automatisch
      übersetzt – deutsches Original" (see ``{% translation_notices %}``), and a
      block text gets the notice right below it.
    - A missing or outdated translation falls back to the German text inside
      an element with ``lang="de"`` (WCAG 3.1.2, language of parts) followed by
      a visible hint. Outdated translations are not shown: the German text was
      changed after they were made, so they may say something the source no
      longer says.
    - Where even the German text is empty, the first language that has one is
      shown, marked with its language: never an empty title.

    ``block=True`` renders paragraphs.
    """
    language = get_language() or settings.LANGUAGE_CODE
    page = page_of(context)
    if language == settings.LANGUAGE_CODE:
        state = None
    else:
        state = page.lookup.state(obj, field_name, language)
    if state in (TranslationState.REVIEWED, TranslationState.ORIGINAL):
        return render_text(getattr(obj, column(field_name, language)), block)
    if state == TranslationState.UNREVIEWED:
        page.machine_translated = True
        text = render_text(getattr(obj, column(field_name, language)), block, "machine-translation")
        if not block:
            return text
        return text + hint(
            _("automatisch übersetzt"), True, german_url(context), _("deutsches Original")
        )

    source_language, source = first_available(obj, field_name)
    if not source:
        return ""
    if source_language == language:  # German page, or the only text is in this language
        return render_text(source, block)
    text = render_text(source, block, "fallback", source_language)
    if state == TranslationState.OUTDATED:
        return text + hint(_("Übersetzung veraltet – deutscher Originaltext"), block)
    if source_language == settings.LANGUAGE_CODE:
        return text + hint(_("noch nicht übersetzt – deutscher Originaltext"), block)
    return text + hint(_("noch nicht übersetzt"), block)


@register.simple_tag(takes_context=True)
def localized_text(context, obj, field_name: str) -> str:
    """The same choice of text as ``{% localized %}``, as plain text without markup.

    For places that cannot hold markup: ``<title>``, ``<meta>`` and attribute
    values. An outdated or missing translation gives the German text.
    """
    language = get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE:
        state = page_of(context).lookup.state(obj, field_name, language)
        if state in (
            TranslationState.REVIEWED,
            TranslationState.ORIGINAL,
            TranslationState.UNREVIEWED,
        ):
            return getattr(obj, column(field_name, language))
    return first_available(obj, field_name)[1]


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


def babel_locale() -> str:
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def babel_number(value) -> str:
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 1
    pattern = "#,##0" if decimals == 0 else "#,##0.0"
    return format_decimal(value, format=pattern, locale=babel_locale())


def babel_percent(value) -> str:
    """A percentage in the active locale's format: 36,4 % (de), %36,4 (tr), 36.4% (ar)."""
    return format_percent(Decimal(value) / 100, locale=babel_locale(), decimal_quantization=False)


@register.filter
def figure_value(figure) -> str:
    """A key figure's value in the active locale's format, e.g. "36,4 %" in German."""
    number = babel_percent if figure.unit == "percent" else babel_number
    text = number(figure.value)
    if figure.qualifier == "over":
        return _("über %(value)s") % {"value": text}
    if figure.qualifier == "about":
        return _("etwa %(value)s") % {"value": text}
    return text


@register.filter
def percent(value) -> str:
    """A progress percentage in the active locale's format."""
    if value is None:
        return ""
    return babel_percent(value)


@register.simple_tag
def status_badge(value: str):
    """A status from the vocabulary as a labelled badge; unknown values read as no report."""
    from measures.models import Status

    status = Status(value) if value in Status.values else Status.NO_REPORT
    return format_html('<span class="status status--{}">{}</span>', status.value, status.label)
