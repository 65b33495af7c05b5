"""Import previews: their uploads are kept only as long as needed, a confirmation
imports once, and a full disk is a message (synthetic data only)."""

import errno
import os
import time

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import FileSystemStorage

from measures.models import Measure, StatusEntry
from measures.spreadsheet import previews
from tests.factories import MeasureFactory
from tests.spreadsheets import CONFIRM_URL, IMPORT_URL, confirm, csv_bytes, upload

pytestmark = pytest.mark.django_db

GOOD = csv_bytes(
    ["code", "title_de", "status", "status_date"], [["1.1", "Neu", "geplant", "01.03.2025"]]
)
BAD = csv_bytes(["code", "progress"], [["1.1", "140"]])


@pytest.fixture
def preview_folder(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "import_previews": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.fixture
def importer(client, redaktion):
    MeasureFactory(code="1.1", title_de="Alt")
    client.force_login(redaktion)
    return client


def test_confirming_twice_imports_once_and_says_already_imported(importer, preview_folder):
    preview = upload(importer, GOOD)
    assert confirm(importer, preview).status_code == 302
    second = confirm(importer, preview)
    assert second.status_code == 302
    assert second["Location"] == IMPORT_URL
    texts = [str(m) for m in get_messages(second.wsgi_request)]
    assert any("bereits importiert" in text for text in texts)
    assert StatusEntry.objects.count() == 1
    assert Measure.objects.get(code="1.1").title_de == "Neu"


def test_a_confirmed_import_leaves_no_file(importer, preview_folder):
    preview = upload(importer, GOOD)
    assert len(os.listdir(preview_folder)) == 1
    confirm(importer, preview)
    assert os.listdir(preview_folder) == []


def test_a_rejected_preview_leaves_no_file(importer, preview_folder):
    preview = upload(importer, BAD)
    assert "confirm_form" not in preview.context
    assert os.listdir(preview_folder) == []


def test_an_unreadable_file_leaves_no_file(importer, preview_folder):
    upload(importer, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, name="bild.csv")
    assert os.listdir(preview_folder) == []


def test_previews_never_confirmed_are_removed_after_a_day(importer, preview_folder):
    upload(importer, GOOD)
    (old,) = os.listdir(preview_folder)
    a_day_ago = time.time() - previews.LIFETIME.total_seconds() - 60
    os.utime(preview_folder / old, (a_day_ago, a_day_ago))
    upload(importer, GOOD)
    remaining = os.listdir(preview_folder)
    assert len(remaining) == 1 and old not in remaining


def test_a_forged_file_name_is_refused_without_touching_files(importer, preview_folder):
    response = importer.post(
        CONFIRM_URL,
        {
            "import_file_name": "../../etc/passwd",
            "original_file_name": "x.csv",
            "format": "0",
            "resource": "0",
        },
    )
    assert response.status_code == 302
    assert Measure.objects.get(code="1.1").title_de == "Alt"


def test_a_full_disk_gives_a_message_not_a_server_error(importer, preview_folder, monkeypatch):
    def full(self, name, content, max_length=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "save", full)
    response = upload(importer, GOOD)
    assert response.status_code == 200
    assert "kein Speicherplatz frei" in response.content.decode()
    assert "confirm_form" not in response.context
