from django.core.management.base import BaseCommand
from django.db import transaction

from fields.services import LoadReport, load_concept
from measures.services import load_source_measures


class Command(BaseCommand):
    help = (
        "Load the concept, its Handlungsfelder, the measures and commitments the public "
        "sources name. Idempotent: existing rows keep every staff edit; only blank "
        "columns are filled."
    )

    def handle(self, *args, **options):
        report = LoadReport()
        with transaction.atomic():
            load_concept(report=report)
            load_source_measures(report=report)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Sources loaded."))
