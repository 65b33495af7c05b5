"""Hostile text in any translatable field, or in an imported spreadsheet, is shown as
text on every public surface: never executed, never rendered as markup."""

import csv
import datetime
import io

import pytest
from django.conf import settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from measures import services
from measures.models import Measure
from measures.spreadsheet import import_catalogue
from tests.public_pages import public_urls

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'><svg onload=alert(2)>'
RAW_FRAGMENTS = ["<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>"]
ESCAPED = "&lt;script&gt;alert"

SURFACES = [
    "/daten/massnahmen.csv",
    "/daten/massnahmen.json",
    "/daten/sachstaende.json",
    "/daten/handlungsfelder.json",
    "/daten/selbstverpflichtungen.json",
    "/sitemap.xml",
]


def poison_every_translated_field():
    """Write the payload into every language column of every translated field."""
    poisoned = 0
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        if not fields:
            continue
        for obj in model.objects.all():
            for name in fields:
                for code in LANGUAGES:
                    setattr(obj, build_localized_fieldname(name, code), f"{PAYLOAD} {name}")
            obj.save()
            poisoned += 1
    return poisoned


def assert_never_raw(body: str, where: str) -> None:
    for fragment in RAW_FRAGMENTS:
        assert fragment not in body, f"{where} renders {fragment!r} unescaped"


@pytest.fixture
def poisoned(sources):
    measure = Measure.objects.get(code="3.1")
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2025, 3, 1),
        status="in_progress",
        progress=20,
        public_notes={"de": "Notiz"},
        publish=True,
    )
    assert poison_every_translated_field() > 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_is_escaped_on_every_public_page(client, poisoned, language):
    urls = public_urls(language)
    assert len(urls) >= 10
    for url in urls.values():
        body = client.get(url).content.decode()
        assert_never_raw(body, url)
    measure_page = client.get(f"/{language}/massnahmen/3.1/").content.decode()
    assert ESCAPED in measure_page, "the text is still shown, as text"


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_is_escaped_in_feeds(client, poisoned, language):
    for url in [
        f"/{language}/feeds/sachstaende/",
        f"/{language}/feeds/handlungsfelder/wohnen-sozialplanung/",
        f"/{language}/feeds/massnahmen/3.1/",
    ]:
        assert_never_raw(client.get(url).content.decode(), url)


def test_data_files_are_never_served_as_markup(client, poisoned):
    for url in SURFACES:
        response = client.get(url)
        assert response.status_code == 200, url
        if url.endswith(".xml"):
            assert_never_raw(response.content.decode(), url)
        else:
            assert not response["Content-Type"].startswith("text/html"), url
            assert response["X-Content-Type-Options"] == "nosniff"


def test_hostile_spreadsheet_cells_import_as_text_and_render_escaped(client, sources):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["code", "field", "title_de", "description_de", "district", "published"])
    writer.writerow(["3.7", "3", PAYLOAD, PAYLOAD, "<b>Bezirk</b>", "ja"])
    report = import_catalogue(data=buffer.getvalue().encode("utf-8-sig"), file_name="feindlich.csv")
    assert report.ok, report.error_lines()
    measure = Measure.objects.get(code="3.7")
    assert measure.title_de == PAYLOAD, "stored exactly as typed"
    for url in [
        "/de/massnahmen/3.7/",
        "/de/massnahmen/?q=alert",
        "/de/handlungsfelder/wohnen-sozialplanung/",
    ]:
        body = client.get(url).content.decode()
        assert_never_raw(body, url)
        assert "<b>Bezirk</b>" not in body
    assert ESCAPED in client.get("/de/massnahmen/3.7/").content.decode()


def test_hostile_text_in_the_admin_is_escaped(client, poisoned, staff_user):
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    for url in [
        "/admin/measures/measure/",
        f"/admin/measures/measure/{measure.pk}/change/",
        f"/admin/measures/measure/{measure.pk}/history/",
        "/admin/protokoll/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_never_raw(response.content.decode(), url)
