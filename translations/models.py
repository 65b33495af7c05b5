"""Where each translation of translated content comes from.

Generic over every model registered with django-modeltranslation: the model
knows nothing of the portal's domain. The rules that read and keep these
records are in ``translations.provenance``; the display rule in
``translations.display``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history import register as track_history


class TranslationOrigin(models.TextChoices):
    """Where a translation comes from."""

    ORIGINAL = "original", _("Originaltext (keine Übersetzung)")
    MACHINE = "machine", _("maschinell übersetzt, ungeprüft")
    REVIEWED = "reviewed", _("von der Redaktion geprüft")


class TranslationProvenance(models.Model):
    """Where one translation of one field of one object comes from.

    One record per object × translated field × language (never for German,
    the source language, whose texts are the originals). ``source_digest`` is
    the digest of the German text the translation was made from: when the
    German text changes, the digests differ and the translation is outdated
    (see ``translations.provenance``). ``text_digest`` is the digest of the
    translation itself, so a changed translation is noticed on save.
    """

    Origin = TranslationOrigin

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("Inhaltstyp")
    )
    object_id = models.PositiveBigIntegerField(_("Objekt-ID"))
    content_object = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(_("Feld"), max_length=100)
    language = models.CharField(_("Sprache"), max_length=15)
    status = models.CharField(_("Herkunft"), max_length=20, choices=TranslationOrigin.choices)
    source_digest = models.CharField(
        _("Prüfsumme des deutschen Textes"),
        max_length=64,
        help_text=_("SHA-256 des deutschen Textes, aus dem übersetzt wurde."),
    )
    text_digest = models.CharField(_("Prüfsumme der Übersetzung"), max_length=64)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geprüft von"),
    )
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    updated_at = models.DateTimeField(_("zuletzt geändert am"), auto_now=True)

    class Meta:
        # The table was created by the app ``fields`` and keeps its name and rows.
        db_table = "fields_translationprovenance"
        ordering = ["content_type", "object_id", "field_name", "language"]
        verbose_name = _("Herkunft einer Übersetzung")
        verbose_name_plural = _("Übersetzungsstand")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name", "language"],
                name="provenance_one_per_translation",
            ),
            models.CheckConstraint(
                condition=Q(status__in=TranslationOrigin.values),
                name="provenance_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="reviewed") | Q(reviewed_at__isnull=False),
                name="provenance_review_has_date",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "language"], name="provenance_type_lang")]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.field_name} [{self.language}]"


# History of the records themselves (who marked what reviewed); the table keeps
# the name it was created with in the app ``fields``.
track_history(TranslationProvenance, table_name="fields_historicaltranslationprovenance")
