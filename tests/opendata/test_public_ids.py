"""Public status entries carry an identifier that says nothing about hidden ones.

The sequential primary key counts drafts and entries of unpublished measures
(gaps in 1, 2, 5 …); public URLs, feeds and open data use a random public id.
All measures here are synthetic test data.
"""

import csv
import datetime
import importlib
import io
import json
import re
import uuid

import pytest
from django.apps import apps as global_apps

from measures import services
from measures.models import StatusEntry
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries_with_hidden_ones(db):
    measure = MeasureFactory()
    hidden_measure = MeasureFactory(is_published=False)
    entries = []
    for day in range(1, 4):
        entries.append(
            services.record_status(
                measure=measure,
                reported_on=datetime.date(2024, 1, day),
                status="planned",
                publish=True,
            )
        )
        services.record_status(  # a draft in between
            measure=measure, reported_on=datetime.date(2024, 1, day), status="in_progress"
        )
        services.record_status(
            measure=hidden_measure,
            reported_on=datetime.date(2024, 1, day),
            status="planned",
            publish=True,
        )
    return measure, entries


def public_ids(entries):
    return {str(entry.public_id) for entry in entries}


def test_status_entries_csv_and_json_identify_entries_by_their_public_id(
    client, entries_with_hidden_ones
):
    _measure, entries = entries_with_hidden_ones
    content = client.get("/daten/sachstaende.csv").content.decode("utf-8")[1:]
    ids = [row["id"] for row in csv.DictReader(io.StringIO(content))]
    assert set(ids) == public_ids(entries)
    for value in ids:
        assert uuid.UUID(value).version == 4
    items = json.loads(client.get("/daten/sachstaende.json").content)["items"]
    assert {item["id"] for item in items} == public_ids(entries)


def test_no_sequential_pk_in_public_pages_or_feeds(client, entries_with_hidden_ones):
    measure, entries = entries_with_hidden_ones
    page = client.get(measure.get_absolute_url()).content.decode()
    feed = client.get("/de/feeds/sachstaende/").content.decode()
    for entry in entries:
        assert f'id="sachstand-{entry.public_id}"' in page
        assert f"#sachstand-{entry.public_id}" in feed
    # A pk ends where the anchor ends; a UUID whose first group is all digits goes on with "-".
    assert not re.search(r"sachstand-\d+(?![\w-])", page + feed)


def test_public_ids_are_unique_and_random(entries_with_hidden_ones):
    ids = list(StatusEntry.objects.values_list("public_id", flat=True))
    assert len(set(ids)) == len(ids) == 9


def test_migration_backfill_gives_every_existing_entry_its_own_public_id(
    entries_with_hidden_ones,
):
    migration = importlib.import_module("measures.migrations.0006_statusentry_public_id")
    before = set(StatusEntry.objects.values_list("public_id", flat=True))
    migration.backfill_public_ids(global_apps, None)
    after = list(StatusEntry.objects.values_list("public_id", flat=True))
    assert len(set(after)) == len(after) == 9
    assert not before & set(after)
    for entry in StatusEntry.objects.all():
        assert {h.public_id for h in entry.history.all()} == {entry.public_id}
