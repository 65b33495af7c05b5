"""The change history is an audit trail: no registered history admin restores a past version."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from council.models import Paper
from measures import services
from measures.models import Measure, UnitAssignment
from operator_pages.models import OperatorDetails
from tests.factories import OrganisationalUnitFactory

pytestmark = pytest.mark.django_db

HISTORY_ADMINS = sorted(
    (
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ),
    key=lambda model: model._meta.label,
)


def test_there_are_history_admins_to_check():
    assert len(HISTORY_ADMINS) >= 10


@pytest.fixture
def every_kind_of_content(sources, staff_user):
    measure = Measure.objects.get(code="3.1")
    services.record_status(
        measure=measure, reported_on=datetime.date(2025, 1, 1), status="planned", publish=True
    )
    UnitAssignment.objects.create(user=staff_user, unit=OrganisationalUnitFactory())
    paper = Paper.objects.create(
        oparl_id="https://oparl.example.org/paper/1", reference="Synthetische Vorlage 1"
    )
    services.set_measure_papers(measure=measure, paper_ids={paper.pk})
    OperatorDetails.objects.create(name="Synthetischer Betreiber")


@pytest.mark.parametrize("model", HISTORY_ADMINS, ids=lambda m: m._meta.label)
def test_posting_to_a_past_version_is_refused_for_every_history_admin(
    client, staff_user, every_kind_of_content, model
):
    record = model.history.order_by("history_date").first()
    assert record is not None, f"no history to test for {model._meta.label}"
    obj = model._default_manager.get(pk=record.instance.pk)
    before = model.history.count()
    opts = model._meta
    url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[obj.pk, record.history_id],
    )
    client.force_login(staff_user)
    assert client.get(url).status_code == 200
    assert client.post(url, {"_continue": "1"}).status_code == 403
    assert model.history.count() == before
