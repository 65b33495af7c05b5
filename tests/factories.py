"""Synthetic data for tests only: nothing here is ever shipped as content."""

import datetime

import factory

from fields.models import ActionField, OrganisationalUnit, SourceDocument
from measures import services
from measures.models import Commitment, Measure, StatusEntry


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument
        django_get_or_create = ("slug",)

    slug = "test-konzept"
    kind = SourceDocument.Kind.CONCEPT
    title_de = "Testkonzept"
    declared_measure_count = 107


class ActionFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionField

    concept = factory.SubFactory(SourceDocumentFactory)
    number = factory.Sequence(lambda n: 100 + n)
    slug = factory.Sequence(lambda n: f"testfeld-{n}")
    name_de = factory.Sequence(lambda n: f"Testfeld {n}")


class OrganisationalUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationalUnit

    slug = factory.Sequence(lambda n: f"test-einheit-{n}")
    name_de = factory.Sequence(lambda n: f"Testeinheit {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    field = factory.SubFactory(ActionFieldFactory)
    position = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda m: f"{m.field.number}.{m.position}")
    title_de = factory.Sequence(lambda n: f"Synthetische Testmaßnahme {n}")
    is_published = True


class StatusEntryFactory(factory.django.DjangoModelFactory):
    """A status report recorded through the service, so the measure's status follows it."""

    class Meta:
        model = StatusEntry

    measure = factory.SubFactory(MeasureFactory)
    reported_on = datetime.date(2024, 1, 1)
    status = "planned"
    progress = None
    is_published = True

    @classmethod
    def _create(cls, model_class, *, is_published, **kwargs):
        return services.record_status(publish=is_published, **kwargs)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    programme = factory.SubFactory(SourceDocumentFactory, slug="test-programm", kind="programme")
    position = factory.Sequence(lambda n: 100 + n)
    slug = factory.Sequence(lambda n: f"test-verpflichtung-{n}")
    title_de = factory.Sequence(lambda n: f"Testverpflichtung {n}")
