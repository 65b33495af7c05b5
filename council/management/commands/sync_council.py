import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from council.oparl import OParlClient, OParlError
from council.sync import sync_council


def since_date(value: str) -> datetime.datetime:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--since needs a date YYYY-MM-DD, not {value!r}.") from error
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class Command(BaseCommand):
    help = (
        "Sync the council's papers, consultations, meetings and organizations from an "
        "OParl 1.1 system (Aachen: https://ratsinfo.aachen.de/public/oparl/system). "
        "Resumes an interrupted run; after a full run only asks for what changed "
        "(modified_since). Never run inside a web request: daily from cron or a timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--system",
            default=settings.OPARL_SYSTEM_URL,
            help="URL of the OParl system object (default: $OPARL_SYSTEM_URL).",
        )
        parser.add_argument(
            "--since",
            help="Only objects modified since this date (YYYY-MM-DD); "
            "default: since the last full run, everything on the first.",
        )

    def handle(self, *args, system: str, since: str | None, **options):
        if not system:
            raise CommandError("Give --system URL or set OPARL_SYSTEM_URL.")
        client = OParlClient(
            timeout=settings.OPARL_TIMEOUT,
            retries=settings.OPARL_RETRIES,
            backoff=settings.OPARL_BACKOFF,
            interval=settings.OPARL_REQUEST_INTERVAL,
        )
        report = None
        error = None
        with client:
            try:
                report = sync_council(
                    system_url=system,
                    since=since_date(since) if since else None,
                    client=client,
                )
            except OParlError as failure:
                error = failure
                report = getattr(failure, "report", None)
        if report is not None:
            for line in report.lines():
                self.stdout.write(line)
            if not report.changed_anything and error is None:
                self.stdout.write("Nothing new.")
        if error is not None:
            raise CommandError(f"Sync interrupted: {error}. The next run resumes here.")
