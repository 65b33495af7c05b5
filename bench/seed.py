"""Fill a benchmark database with synthetic measures (never shipped content).

    DATABASE_URL=postgres://… python bench/seed.py --measures 10000

Loads the public sources first, then adds synthetic measures spread over the 9
Handlungsfelder until the catalogue holds ``--measures`` rows, each with a few
published status entries so that lists, dashboard and feeds have real work to
do. Titles say plainly that they are synthetic.
"""

import argparse
import datetime
import io
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aachen_portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from fields.models import ActionField  # noqa: E402
from measures.models import Measure, StatusEntry  # noqa: E402
from measures.status import Status  # noqa: E402

STATUSES = [s for s in Status.values if s != Status.NO_REPORT]


@transaction.atomic
def seed(total: int, rng: random.Random) -> int:
    fields = list(ActionField.objects.order_by("number"))
    existing = Measure.objects.count()
    next_position = {
        field.pk: (
            field.measures.order_by("-position").values_list("position", flat=True).first() or 0
        )
        for field in fields
    }
    measures = []
    for index in range(existing, total):
        field = fields[index % len(fields)]
        next_position[field.pk] += 1
        position = next_position[field.pk]
        measures.append(
            Measure(
                code=f"{field.number}.{position}",
                field=field,
                position=position,
                title_de=f"Synthetische Benchmark-Maßnahme {index + 1}",
                description_de="Synthetische Beschreibung für Lasttests. " * 3,
                district=rng.choice(["", "Aachen-Mitte", "Brand", "Eilendorf", "Haaren"]),
                is_published=True,
            )
        )
    Measure.objects.bulk_create(measures, batch_size=1000)
    entries = []
    start = datetime.date(2019, 1, 1)
    for measure in Measure.objects.filter(title_de__startswith="Synthetische"):
        for step in range(rng.randint(0, 3)):
            entries.append(
                StatusEntry(
                    measure=measure,
                    reported_on=start + datetime.timedelta(days=200 * step + rng.randint(0, 150)),
                    status=rng.choice(STATUSES),
                    progress=rng.choice([None, 10, 25, 50, 75, 100]),
                    public_note_de="Synthetischer Sachstand für Lasttests.",
                    is_published=True,
                )
            )
    StatusEntry.objects.bulk_create(entries, batch_size=2000)
    # Keep each measure's current status a copy of its latest published entry.
    from measures.services import refresh_current_status

    for measure in Measure.objects.filter(status_entries__isnull=False).distinct():
        refresh_current_status(measure)
    return len(measures)


def main() -> None:
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if not name.startswith("aachen_bench_"):
        sys.exit(
            f"Refusing to seed {name!r}: synthetic measures go only into a database "
            "named aachen_bench_* (set DATABASE_URL), never into the portal's own."
        )
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measures", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_sources", stdout=io.StringIO())
    added = seed(args.measures, random.Random(args.seed))
    print(f"{Measure.objects.count()} measures ({added} synthetic added)")


if __name__ == "__main__":
    main()
