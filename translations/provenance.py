"""Translation provenance: where each translation comes from and whether it is current.

Generic over every model registered with django-modeltranslation. For each
object × translated field × language other than German a
``TranslationProvenance`` record says whether the translation is a machine
translation nobody has checked yet, reviewed by staff (who, when), or an
original text written in that language. The record keeps the digest of the
German text the translation was made from; when the German text changes, the
digests differ and the translation is *outdated*. Outdatedness is computed,
never stored, so it holds however the German text was changed (admin, shell,
``QuerySet.update``).

Records are kept in step by a ``post_save`` signal (``sync_provenance``):

- a translation the loader writes is recorded as machine/unreviewed;
- a translation staff write or change (admin request, or an explicit author)
  is recorded as reviewed by them;
- any other new or changed translation is recorded as unreviewed, so nothing
  unchecked ever passes as reviewed;
- a text in a language whose German column is empty is an original;
- an emptied translation loses its record (it is missing again).
"""

import hashlib
from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.translator import translator
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

from .languages import column, source_language, target_languages
from .models import TranslationOrigin, TranslationProvenance


class TranslationState(models.TextChoices):
    """What a resident gets in one language, and what staff have to do about it."""

    MISSING = "missing", _("fehlt")
    UNREVIEWED = "unreviewed", _("ungeprüft")
    OUTDATED = "outdated", _("veraltet")
    REVIEWED = "reviewed", _("geprüft")
    ORIGINAL = "original", _("Originaltext")


def normalised(text: str | None) -> str:
    """Text as compared: surrounding space and line-ending style do not count."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def digest(text: str | None) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def translated_models() -> list[type[models.Model]]:
    return [m for m in translator.get_registered_models(abstract=False) if not m._meta.proxy]


def translated_fields(model: type[models.Model]) -> list[str]:
    return list(get_translatable_fields_for_model(model) or [])


def classify(german: str, text: str, record) -> TranslationState | None:
    """The state of one translation; None where there is nothing to translate.

    ``record`` is a ``TranslationProvenance`` or a ``(status, source_digest)``
    pair, or None. A translation without a record has unknown provenance and
    counts as unreviewed.
    """
    if not normalised(text):
        return TranslationState.MISSING if normalised(german) else None
    if record is None:
        return TranslationState.UNREVIEWED
    status, source_digest = (
        (record.status, record.source_digest) if hasattr(record, "status") else record
    )
    if status == TranslationOrigin.ORIGINAL:
        return TranslationState.ORIGINAL
    if source_digest != digest(german):
        return TranslationState.OUTDATED
    if status == TranslationOrigin.REVIEWED:
        return TranslationState.REVIEWED
    return TranslationState.UNREVIEWED


# --- keeping records in step -------------------------------------------------


def request_staff_user():
    """The staff user of the current admin request, if any (set by simple_history)."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return user
    return None


def mark_as_machine_translation(instance: models.Model, german_sources: dict[str, str]) -> None:
    """Tell the next save of ``instance`` that its new translations are machine-made.

    ``german_sources`` maps field names to the German text the translations
    were made from (which may differ from the German column if staff edited it).
    """
    instance._translation_origin = {
        "status": TranslationOrigin.MACHINE,
        "sources": german_sources,
    }


def sync_provenance(instance: models.Model, *, user=None) -> None:
    """Create, update or delete the provenance records of one saved object."""
    fields = translated_fields(type(instance))
    if not fields or instance.pk is None:
        return
    origin = getattr(instance, "_translation_origin", None) or {}
    author = user or getattr(instance, "_translation_author", None) or request_staff_user()
    content_type = ContentType.objects.get_for_model(instance)
    records = {
        (r.field_name, r.language): r
        for r in TranslationProvenance.objects.filter(
            content_type=content_type, object_id=instance.pk
        )
    }
    now = timezone.now()
    created, stale = [], []
    for field_name in fields:
        german = getattr(instance, column(field_name, source_language())) or ""
        source = origin.get("sources", {}).get(field_name) or german
        for language in target_languages():
            text = getattr(instance, column(field_name, language)) or ""
            record = records.get((field_name, language))
            if not normalised(text):
                if record is not None:
                    stale.append(record.pk)
                continue
            text_digest = digest(text)
            if record is not None and record.text_digest == text_digest:
                continue
            if not normalised(german):
                status = TranslationOrigin.ORIGINAL
            elif origin:
                status = origin["status"]
            elif author is not None:
                status = TranslationOrigin.REVIEWED
            else:
                status = TranslationOrigin.MACHINE
            values = {
                "status": status,
                "source_digest": digest(source),
                "text_digest": text_digest,
                "reviewed_by": author if status == TranslationOrigin.REVIEWED else None,
                "reviewed_at": now if status == TranslationOrigin.REVIEWED else None,
            }
            if record is None:
                created.append(
                    TranslationProvenance(
                        content_type=content_type,
                        object_id=instance.pk,
                        field_name=field_name,
                        language=language,
                        **values,
                    )
                )
            else:
                for name, value in values.items():
                    setattr(record, name, value)
                record.save()
    if created:
        bulk_create_with_history(created, TranslationProvenance)
    if stale:
        for record in TranslationProvenance.objects.filter(pk__in=stale):
            record.delete()
    instance._translation_origin = None


@transaction.atomic
def mark_reviewed(
    *, obj: models.Model, field_name: str, language: str, user
) -> TranslationProvenance:
    """Staff confirm that the current translation fits the current German text."""
    if field_name not in translated_fields(type(obj)) or language not in target_languages():
        raise ValueError(f"{type(obj).__name__}.{field_name} [{language}] is not translated")
    text = getattr(obj, column(field_name, language)) or ""
    if not normalised(text):
        raise ValueError("There is no translation to review.")
    german = getattr(obj, column(field_name, source_language())) or ""
    record, _created = TranslationProvenance.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field_name=field_name,
        language=language,
        defaults={
            "status": TranslationOrigin.REVIEWED
            if normalised(german)
            else TranslationOrigin.ORIGINAL,
            "source_digest": digest(german),
            "text_digest": digest(text),
            "reviewed_by": user,
            "reviewed_at": timezone.now(),
        },
    )
    return record


def on_save(sender, instance, raw=False, **kwargs):
    if raw or not translated_fields(sender):
        return
    sync_provenance(instance)


def on_delete(sender, instance, **kwargs):
    if not translated_fields(sender):
        return
    TranslationProvenance.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
    ).delete()


def connect_signals() -> None:
    """Keep provenance for every model registered with modeltranslation."""
    post_save.connect(on_save, dispatch_uid="translations.provenance.on_save")
    post_delete.connect(on_delete, dispatch_uid="translations.provenance.on_delete")


# --- reading -----------------------------------------------------------------


class ProvenanceLookup:
    """Provenance of displayed texts, loaded once per content type and language.

    Templates create one per page (see ``{% translation_notices %}``), so a page
    listing many objects costs one query per model and language.
    """

    def __init__(self):
        self._records: dict[tuple[int, str], dict[tuple[int, str], tuple[str, str]]] = {}

    def record(self, obj: models.Model, field_name: str, language: str):
        content_type_id = ContentType.objects.get_for_model(obj).pk
        key = (content_type_id, language)
        if key not in self._records:
            rows = TranslationProvenance.objects.filter(
                content_type_id=content_type_id, language=language
            ).values_list("object_id", "field_name", "status", "source_digest")
            self._records[key] = {(oid, name): (status, sd) for oid, name, status, sd in rows}
        return self._records[key].get((obj.pk, field_name))

    def state(self, obj: models.Model, field_name: str, language: str) -> TranslationState | None:
        german = getattr(obj, column(field_name, source_language()), "") or ""
        text = getattr(obj, column(field_name, language), "") or ""
        return classify(german, text, self.record(obj, field_name, language))


# --- the admin overview ------------------------------------------------------


@dataclass
class OverviewItem:
    model: type[models.Model]
    object_id: int
    field_name: str
    language: str
    state: TranslationState
    german: str
    text: str
    record: TranslationProvenance | None

    @property
    def model_name(self) -> str:
        return self.model._meta.verbose_name

    @property
    def field_label(self) -> str:
        return self.model._meta.get_field(self.field_name).verbose_name

    @property
    def content_type_id(self) -> int:
        return ContentType.objects.get_for_model(self.model).pk


def overview(
    language: str | None = None, state: str | None = None
) -> tuple[dict[str, Counter], list[OverviewItem]]:
    """Counts per language and state, and the items of one language and state.

    Only texts that exist in German or in the language count; a field empty
    in every language has nothing to translate.
    """
    records = {
        (r.content_type_id, r.object_id, r.field_name, r.language): r
        for r in TranslationProvenance.objects.select_related("reviewed_by")
    }
    languages = target_languages()
    counts = {code: Counter() for code in languages}
    items = []
    for model in translated_models():
        fields = translated_fields(model)
        content_type_id = ContentType.objects.get_for_model(model).pk
        columns = [column(f, code) for f in fields for code in [source_language(), *languages]]
        for row in model._default_manager.order_by("pk").values("pk", *columns):
            for field_name in fields:
                german = row[column(field_name, source_language())] or ""
                for code in languages:
                    text = row[column(field_name, code)] or ""
                    record = records.get((content_type_id, row["pk"], field_name, code))
                    found = classify(german, text, record)
                    if found is None:
                        continue
                    counts[code][found] += 1
                    if code == language and found == state:
                        items.append(
                            OverviewItem(
                                model, row["pk"], field_name, code, found, german, text, record
                            )
                        )
    return counts, items
