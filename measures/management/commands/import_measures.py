from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from measures.permissions import can_import_catalogue
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.reading import SpreadsheetError


class Command(BaseCommand):
    help = (
        "Import the measure catalogue from a CSV or XLSX file (columns as in the README), "
        "upserting by code in one transaction. With --dry-run nothing is saved; the "
        "report shows per row what would be created, updated or rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report only; save nothing."
        )
        parser.add_argument(
            "--user",
            help="Username the changes and status entries are attributed to "
            "(needs the import permission of the Redaktion).",
        )

    def handle(self, *args, file: Path, dry_run: bool, user: str | None, **options):
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"No user named {user!r}.")
            if not can_import_catalogue(importer):
                raise CommandError(f"{user!r} may not import measures (role Redaktion needed).")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        try:
            report = import_catalogue(
                data=data, file_name=file.name, user=importer, dry_run=dry_run
            )
        except SpreadsheetError as error:
            raise CommandError(error.message) from error

        for row in report.rows:
            details = "; ".join(row.changes) if not row.errors else ""
            self.stdout.write(f"{row.line:>5}  {row.code:<10} {row.action_label:<12} {details}")
        for line in report.error_lines():
            self.stderr.write(line)
        self.stdout.write(report.summary())
        if not report.ok:
            raise CommandError("Nothing was saved: fix the rows above and import again.")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
