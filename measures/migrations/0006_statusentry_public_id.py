"""Status entries get a random public id; existing rows (and their history) are backfilled.

The sequential pk counts drafts and entries of unpublished measures, so public
URLs, feeds and open data use this id instead.
"""

import uuid

from django.db import migrations, models


def backfill_public_ids(apps, schema_editor):
    """Give every status entry a new random id, and its history rows the same one."""
    StatusEntry = apps.get_model("measures", "StatusEntry")
    HistoricalStatusEntry = apps.get_model("measures", "HistoricalStatusEntry")
    for pk in StatusEntry.objects.values_list("pk", flat=True).iterator():
        public_id = uuid.uuid4()
        StatusEntry.objects.filter(pk=pk).update(public_id=public_id)
        HistoricalStatusEntry.objects.filter(id=pk).update(public_id=public_id)
    # History of entries deleted since: each its own id, never a live entry's.
    live = StatusEntry.objects.values("pk")
    for pk in (
        HistoricalStatusEntry.objects.exclude(id__in=live)
        .values_list("id", flat=True)
        .distinct()
        .iterator()
    ):
        HistoricalStatusEntry.objects.filter(id=pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0005_statusentry_published_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="statusentry",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="öffentliche Kennung"),
        ),
        migrations.AddField(
            model_name="historicalstatusentry",
            name="public_id",
            field=models.UUIDField(
                db_index=True, editable=False, null=True, verbose_name="öffentliche Kennung"
            ),
        ),
        migrations.RunPython(backfill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statusentry",
            name="public_id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="öffentliche Kennung"
            ),
        ),
        migrations.AlterField(
            model_name="historicalstatusentry",
            name="public_id",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="öffentliche Kennung"
            ),
        ),
    ]
