"""The plausible dates of a status report ("Stand vom"): one rule for every write path.

A report states what *has* happened, so its date is never after today: a
report dated in the future would stay the current status until that day and
hide every real report in between. The lower bound is 1 January 2018, the year
of the Integrationskonzept itself (the Fachbereich's slides and the council
decision of 11 July 2018): no report on one of its measures can be older, and
earlier dates are typing errors such as 1900 (an empty spreadsheet date) or a
two-digit year read in the wrong century — which is why years must have four
digits. The database checks the lower bound (``statusentry_reported_from_2018``);
"today" moves, so the upper bound is checked by the model's validator, which
``services.record_status`` / ``save_status_entry`` (``full_clean``), the admin
forms, the bulk action and the import all run.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

EARLIEST_REPORT_DATE = datetime.date(2018, 1, 1)

# Day.month.year with four digits, or ISO; never a two-digit year.
DATE_INPUT_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
TWO_DIGIT_YEAR = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2}\s*$")


def two_digit_year_message() -> str:
    return _("Bitte die Jahreszahl vierstellig angeben, z. B. 01.03.2025.")


def validate_report_date(value: datetime.date) -> None:
    """Refuse a report date after today or before 1 January 2018."""
    today = timezone.localdate()
    if value > today:
        raise ValidationError(
            _(
                "Das Datum eines Sachstands darf nicht in der Zukunft liegen "
                "(heute ist der %(today)s)."
            )
            % {"today": today.strftime("%d.%m.%Y")},
            code="future",
        )
    if value < EARLIEST_REPORT_DATE:
        raise ValidationError(
            _(
                "Das Datum eines Sachstands darf nicht vor dem %(earliest)s liegen, "
                "dem Jahr des Integrationskonzepts."
            )
            % {"earliest": EARLIEST_REPORT_DATE.strftime("%d.%m.%Y")},
            code="too_early",
        )
