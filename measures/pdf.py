"""Render a public page as PDF on the server with WeasyPrint (the Sachstandsbericht).

The page's own stylesheets apply (WeasyPrint renders for print media); static
files are read from disk, nothing else is fetched. Page numbers ("Seite X von
Y") and the running line (Stichtag and source) go into the page margins: the
words come from the catalogue, so the margin text is in the page's language.
"""

from django.contrib.staticfiles import finders
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_number_content() -> str:
    """CSS ``content`` for "Seite X von Y" in the active language."""
    text = _("Seite %(page)s von %(pages)s")
    before, rest = text.split("%(page)s", 1)
    middle, after = rest.split("%(pages)s", 1)
    return (
        f"{_css_string(before)} counter(page) {_css_string(middle)} counter(pages) "
        f"{_css_string(after)}"
    )


def margin_css() -> str:
    side = "left" if get_language_bidi() else "right"
    return f"""
    @page {{
      size: A4;
      margin: 20mm 15mm 22mm;
      @top-center {{ content: string(running); font-size: 8pt; color: #333; }}
      @bottom-{side} {{ content: {page_number_content()}; font-size: 8pt; }}
    }}
    .print-meta {{ string-set: running content(); }}
    .print-running {{ display: none !important; }}
    """


def _static_fetcher():
    """A WeasyPrint URL fetcher that reads static files from disk and fetches nothing else."""
    from pathlib import Path
    from urllib.parse import urlsplit

    from django.conf import settings
    from weasyprint.urls import URLFetcher

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = urlsplit(url).path
            if path.startswith(settings.STATIC_URL):
                found = finders.find(path[len(settings.STATIC_URL) :])
                if found:
                    return super().fetch(Path(found).as_uri(), headers)
            raise ValueError(f"not fetched for a PDF: {url}")

    return StaticFetcher(allowed_protocols={"file"})


def render(html: str, request) -> bytes:
    """The PDF of a rendered page (tagged for accessibility where WeasyPrint can)."""
    from weasyprint import CSS, HTML

    document = HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=_static_fetcher()
    )
    stylesheets = [CSS(string=margin_css())]
    try:
        return document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
    except (TypeError, ValueError):
        return document.write_pdf(stylesheets=stylesheets)
