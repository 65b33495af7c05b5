"""A year's worth of synthetic status reports on top of the public sources (tests only).

The shipped sources catalogue 6 measures in one field; council pages only show
their real size with content in most fields. ``fill_year()`` adds synthetic
measures (titles say so) to fields 1–7, leaving 8 and 9 empty, and about two
reports per measure across 2025. "Religion" gets 2 measures of which 1 reports
100 %, the case a progress bar must not draw as full.
"""

import datetime
import itertools

from django.db import transaction

from fields.models import ActionField
from measures import services
from measures.models import Measure

# field number → [(status, progress)] per report, one list per synthetic measure
PLAN = {
    1: [[("planned", 10), ("in_progress", 45)], [("preparing", None)], [("implemented", 100)]]
    + [[("planned", None), ("in_progress", 30)]] * 3,
    2: [[("in_progress", 20), ("in_progress", 70)], [("established", 100)], [("deferred", None)]]
    + [[("planned", None)]] * 2,
    3: [[("planned", 5), ("preparing", 15)], [("in_progress", 60), ("implemented", 100)]] * 3,
    4: [[("planned", None), ("dropped", None)], [("in_progress", 50)], []],
    5: [[("preparing", 20), ("in_progress", 40), ("in_progress", 55)]] * 4,
    6: [[("implemented", 100), ("established", 100)], [("planned", 0), ("in_progress", 35)]] * 3,
    7: [[("implemented", 100)], []],
}


@transaction.atomic
def fill_year() -> dict:
    """Add the synthetic measures and reports; return counts of both."""
    measures = reports = 0
    days = itertools.cycle(range(0, 330, 17))
    for number, plans in PLAN.items():
        field = ActionField.objects.get(number=number)
        start = (
            Measure.objects.filter(field=field)
            .order_by("-position")
            .values_list("position", flat=True)
            .first()
            or 0
        )
        for offset, plan in enumerate(plans, start=1):
            position = start + offset
            measure = Measure.objects.create(
                field=field,
                position=position,
                code=f"{number}.{position}",
                title_de=f"Synthetische Maßnahme {number}.{position} für Sichtprüfungen",
                is_published=True,
            )
            measures += 1
            first = datetime.date(2025, 1, 6) + datetime.timedelta(days=next(days))
            for step, (status, progress) in enumerate(plan):
                services.record_status(
                    measure=measure,
                    reported_on=first + datetime.timedelta(days=30 * step),
                    status=status,
                    progress=progress,
                    publish=True,
                )
                reports += 1
    return {"measures": measures, "reports": reports}
