"""Writes to the concept: loading the public sources without losing staff edits."""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction

from translations.content import localized_values
from translations.languages import column, source_language
from translations.provenance import mark_as_machine_translation, translated_fields

from . import source_data
from .models import (
    ActionField,
    Deliberation,
    FundingLine,
    KeyFigure,
    Need,
    OrganisationalUnit,
    SourceDocument,
    UnitInvolvement,
)

LOADER_REASON = "load_sources"


@dataclass
class LoadReport:
    """What a load did, per model: created, filled (blank columns set), kept."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def note(self, model: type[models.Model], outcome: str) -> None:
        self.counts.setdefault(model._meta.verbose_name_plural, Counter())[outcome] += 1

    def lines(self) -> list[str]:
        return [
            f"{name}: "
            + ", ".join(f"{counter[key]} {key}" for key in ("created", "filled", "kept", "skipped"))
            for name, counter in self.counts.items()
        ]


def is_required(instance: models.Model, name: str) -> bool:
    """A required column (e.g. the German title) is never left empty.

    For a translation column, what counts is its original field, and only in
    the default language: an English title may stay empty, a German one not.
    """
    field = instance._meta.get_field(name)
    original = getattr(field, "translated_field", field)
    language = getattr(field, "language", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    return not original.blank and language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def ever_held_a_value(instance: models.Model, name: str) -> bool:
    """Whether a column was filled once: then staff emptied it on purpose."""
    field = instance._meta.get_field(name)
    earlier = instance.history.exclude(**{f"{name}__isnull": True})
    if isinstance(field, models.CharField | models.TextField):
        earlier = earlier.exclude(**{name: ""})
    return earlier.exists()


def upsert_keeping_edits(
    model: type[models.Model],
    *,
    lookup: dict,
    values: dict,
    report: LoadReport,
) -> models.Model | None:
    """Create a row from the sources, or fill only the blanks of an existing one.

    Staff edits win: a column that already holds a value is never overwritten,
    an optional column staff emptied (its history shows a value) is not filled
    again, and a row that staff deleted (its history ends in a deletion) is not
    recreated. Returns the row, or None where staff deleted it.

    Translations written here come from ``locale/content`` and are machine
    translations: their provenance is recorded as unreviewed, made from the
    shipped German text.
    """
    german_sources = {
        name: values[column(name, source_language())]
        for name in translated_fields(model)
        if column(name, source_language()) in values
    }
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        if model.history.filter(**lookup, history_type="-").exists():
            report.note(model, "skipped")
            return None
        instance = model(**lookup, **values)
        instance._change_reason = LOADER_REASON
        mark_as_machine_translation(instance, german_sources)
        instance.full_clean()
        instance.save()
        report.note(model, "created")
        return instance

    blanks = [
        name
        for name, value in values.items()
        if value not in (None, "")
        and getattr(instance, name) in (None, "")
        and (is_required(instance, name) or not ever_held_a_value(instance, name))
    ]
    if not blanks:
        report.note(model, "kept")
        return instance
    for name in blanks:
        setattr(instance, name, values[name])
    instance._change_reason = LOADER_REASON
    mark_as_machine_translation(instance, german_sources)
    instance.full_clean()
    instance.save(update_fields=blanks)
    report.note(model, "filled")
    return instance


def translated(**fields: str) -> dict[str, str]:
    values = {}
    for name, german in fields.items():
        values.update(localized_values(name, german))
    return values


TRANSLATED_DOCUMENT_FIELDS = (
    "title",
    "subtitle",
    "publisher",
    "description",
    "council_reference_title",
    "adopted_by",
    "adoption_note",
    "financing_note",
)


@transaction.atomic
def load_concept(*, report: LoadReport) -> None:
    """Load documents, units, fields, needs, key figures and funding lines."""
    documents = {}
    for data in source_data.DOCUMENTS:
        plain = {k: v for k, v in data.items() if k not in TRANSLATED_DOCUMENT_FIELDS}
        slug = plain.pop("slug")
        texts = {k: data.get(k, "") for k in TRANSLATED_DOCUMENT_FIELDS}
        documents[slug] = upsert_keeping_edits(
            SourceDocument,
            lookup={"slug": slug},
            values={**plain, **translated(**texts)},
            report=report,
        )
    concept = documents[source_data.CONCEPT_SLUG]
    if concept is None:
        raise RuntimeError("The concept document was deleted; restore it in the admin first.")

    for date, body, is_decision in source_data.DELIBERATIONS:
        upsert_keeping_edits(
            Deliberation,
            lookup={"document": concept, "date": date},
            values={"is_decision": is_decision, **translated(body=body)},
            report=report,
        )

    for position, data in enumerate(source_data.UNITS, start=1):
        unit = upsert_keeping_edits(
            OrganisationalUnit,
            lookup={"slug": data["slug"]},
            values={"number": data["number"], **translated(name=data["name"])},
            report=report,
        )
        if unit is not None:
            upsert_keeping_edits(
                UnitInvolvement,
                lookup={"document": concept, "unit": unit},
                values={"is_lead": data["is_lead"], "position": position},
                report=report,
            )

    for number, slug, name in source_data.FIELDS:
        field_row = upsert_keeping_edits(
            ActionField,
            lookup={"slug": slug},
            values={"concept": concept, "number": number, **translated(name=name)},
            report=report,
        )
        for position, text in enumerate(source_data.NEEDS.get(slug, []), start=1):
            if field_row is not None:
                upsert_keeping_edits(
                    Need,
                    lookup={"field": field_row, "position": position},
                    values=translated(text=text),
                    report=report,
                )

    for position, data in enumerate(source_data.KEY_FIGURES, start=1):
        document = documents[data["document"]]
        if document is None:
            continue
        upsert_keeping_edits(
            KeyFigure,
            lookup={"slug": data["slug"]},
            values={
                "document": document,
                "position": position,
                "value": data["value"],
                "unit": data["unit"],
                "qualifier": data["qualifier"],
                "year": data["year"],
                "source_quote": data["source_quote"],
                **translated(label=data["label"]),
            },
            report=report,
        )

    for kind, names in source_data.FUNDING_LINES.items():
        for position, name in enumerate(names, start=1):
            upsert_keeping_edits(
                FundingLine,
                lookup={"document": concept, "kind": kind, "position": position},
                values=translated(name=name),
                report=report,
            )
