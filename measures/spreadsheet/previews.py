"""Where an uploaded catalogue waits between its preview and the confirmation.

The file lies in the storage ``import_previews`` (``settings.STORAGES``; a
folder, ``IMPORT_PREVIEW_DIR``) under a random name that the confirmation form
carries. A preview that cannot be confirmed (rejected rows, unreadable file)
removes its file at once; a confirmation first *claims* the file by renaming
it — an atomic step, so of two confirmations of the same preview exactly one
imports and the other is told "bereits importiert" — and the import removes
it. Previews never confirmed are removed with the next preview after
``LIFETIME``. A full disk gives a message, never a server error.
"""

import datetime
import os
import re
import time
from uuid import uuid4

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils.translation import gettext as _
from import_export.tmp_storages import BaseStorage

from .reading import SpreadsheetError

STORAGE = "import_previews"
LIFETIME = datetime.timedelta(hours=24)
NAME = re.compile(r"^[0-9a-f]{32}$")
CLAIMED = ".claimed"


class PreviewGone(Exception):
    """The preview's file is no longer there: imported already, or expired."""


def storage():
    return storages[STORAGE]


def purge_stale(now: float | None = None) -> int:
    """Remove preview files older than ``LIFETIME``; returns how many."""
    now = time.time() if now is None else now
    folder = storage()
    try:
        _dirs, files = folder.listdir("")
    except FileNotFoundError:
        return 0
    removed = 0
    for name in files:
        try:
            age = now - os.path.getmtime(folder.path(name))
        except FileNotFoundError:
            continue
        if age > LIFETIME.total_seconds():
            folder.delete(name)
            removed += 1
    return removed


def claim(name: str) -> str:
    """Take the preview ``name`` for its one confirmation; returns the claimed name.

    Raises ``PreviewGone`` when it was claimed (imported) before or has expired.
    """
    if not NAME.match(name or ""):
        raise PreviewGone(name)
    folder = storage()
    claimed = name + CLAIMED
    try:
        os.rename(folder.path(name), folder.path(claimed))
    except FileNotFoundError as error:
        raise PreviewGone(name) from error
    return claimed


class PreviewStorage(BaseStorage):
    """django-import-export's temporary storage, in ``STORAGES["import_previews"]``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.read_mode = "rb"

    def save(self, data):
        purge_stale()
        self.name = uuid4().hex
        if isinstance(data, str):
            data = data.encode("utf-8")
        try:
            storage().save(self.name, ContentFile(data))
        except OSError as error:
            storage().delete(self.name)
            raise SpreadsheetError(
                _(
                    "Die Datei konnte für die Vorschau nicht zwischengespeichert werden "
                    "(kein Speicherplatz frei). Bitte versuchen Sie es später erneut und "
                    "geben Sie der technischen Betreuung Bescheid."
                )
            ) from error

    def read(self):
        try:
            with storage().open(self.name, "rb") as file:
                return file.read()
        except FileNotFoundError as error:
            raise PreviewGone(self.name) from error

    def remove(self):
        if self.name:
            storage().delete(self.name)


class UnsavedPreview(BaseStorage):
    """Stands in for a preview that could not be stored: reading it reports why."""

    def __init__(self, error: SpreadsheetError):
        super().__init__(name="")
        self.error = error

    def read(self):
        raise self.error

    def remove(self):
        pass


def forget_unconfirmable(response) -> None:
    """Remove the file of a preview that offers no confirmation (rejected or unreadable)."""
    context = getattr(response, "context_data", None) or {}
    form = context.get("form")
    if form is None or context.get("confirm_form") is not None:
        return
    # The upload itself carries the name (also when the form refused the file).
    upload = form.files.get("import_file")
    name = getattr(upload, "tmp_storage_name", "")
    if name and NAME.match(name):
        storage().delete(name)
