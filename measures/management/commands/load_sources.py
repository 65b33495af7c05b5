from django.core.management.base import BaseCommand
from django.db import transaction

from fields.services import LoadReport, load_concept, translated, upsert_keeping_edits
from measures.services import load_source_measures
from operator_pages import shipped
from operator_pages.models import Page, PageSection


def load_operator_pages(*, report: LoadReport) -> None:
    """The four pages of the operator with the texts the portal ships
    (``operator_pages/shipped.py``), kept like all shipped content: staff edits win."""
    for slug, text in shipped.PAGES.items():
        page = upsert_keeping_edits(
            Page,
            lookup={"slug": slug},
            values=translated(title=text["title"], body=text["body"]),
            report=report,
        )
        if page is None:
            continue
        for position, section in enumerate(text["sections"], start=1):
            german = {"heading": section["heading"], "body": section["body"]}
            if section["legal_basis"]:
                german["legal_basis"] = section["legal_basis"]
            upsert_keeping_edits(
                PageSection,
                lookup={"page": page, "position": position},
                values={
                    **translated(**german),
                    "purpose": section["purpose"],
                    "cookies": section["cookies"],
                },
                report=report,
            )


class Command(BaseCommand):
    help = (
        "Load the concept, its Handlungsfelder, the measures and commitments the public "
        "sources name, and the operator's pages. Idempotent: existing rows keep every "
        "staff edit; only blank columns are filled."
    )

    def handle(self, *args, **options):
        report = LoadReport()
        with transaction.atomic():
            load_concept(report=report)
            load_source_measures(report=report)
            load_operator_pages(report=report)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Sources loaded."))
