from typing import NamedTuple

from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.views.generic import DetailView, TemplateView

from council.models import Paper
from fields.models import ActionField, SourceDocument
from translations.formatting import locale_list

from . import charts, pdf
from .filters import MeasureFilter, ReportingDateForm, canonical_query
from .models import (
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    CouncilPaperLink,
    LinkBasis,
    Measure,
    StatusEntry,
)
from .progress import ProgressSummary
from .status import abbreviated


class CommitmentRow(NamedTuple):
    """A measure serving a commitment, with the basis of that link in words."""

    measure: Measure
    basis: str


PAGE_SIZE = 25
RECENT_CHANGES = 10
CHANGES_SHOWN = 50
# Query parameters that do not unfold the further filters of the measure list.
FOLDED_NOT = {"q", "page"}


def query_without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def council_context(*, references: tuple[str, ...] = (), **target) -> dict:
    """The Ratsbezug of a measure, field or document: ``measure=…``, ``field=…``, ``document=…``.

    ``references`` adds papers by reference (the concept's own Vorlage).
    ``papers``: the linked papers the council system still lists, with their
    current consultations; ``loaded``: whether any council data was synced at all.
    """
    wanted = Q()
    for name, value in target.items():
        wanted |= Q(**{f"links__{name}": value})
    if any(references):
        wanted |= Q(reference__in=[ref for ref in references if ref])
    if not wanted:
        return {"papers": [], "loaded": Paper.objects.exists()}
    papers = list(
        Paper.objects.current()
        .filter(pk__in=Paper.objects.filter(wanted).values("pk"))
        .with_consultations()
        .order_by(F("date").asc(nulls_last=True), "reference")
    )
    return {"papers": papers, "loaded": bool(papers) or Paper.objects.exists()}


def council_papers_by_field(measures_by_field: dict[int, list]) -> dict[int, list]:
    """The Ratsbezug of each field in the Sachstandsbericht: papers linked to the field or to
    one of its shown measures, in three queries whatever the number of fields and measures."""
    field_of = {m.pk: field_pk for field_pk, ms in measures_by_field.items() for m in ms}
    links = CouncilPaperLink.objects.public().filter(
        Q(field__in=list(measures_by_field)) | Q(measure__in=list(field_of))
    )
    wanted: dict[int, set[int]] = {}
    for paper_id, field_id, measure_id in links.values_list("paper_id", "field_id", "measure_id"):
        wanted.setdefault(field_id or field_of[measure_id], set()).add(paper_id)
    if not wanted:
        return {}
    papers = list(
        Paper.objects.filter(pk__in=set().union(*wanted.values()))
        .with_consultations()
        .order_by(F("date").asc(nulls_last=True), "reference")
    )
    return {
        field_pk: [paper for paper in papers if paper.pk in ids] for field_pk, ids in wanted.items()
    }


class MeasureListView(TemplateView):
    """All published measures: filterable, sortable, paginated, at any reporting date."""

    template_name = "measures/measure_list.html"

    def get_context_data(self, **kwargs):
        filterset = MeasureFilter(
            self.request.GET,
            queryset=Measure.objects.published().with_related(),
        )
        valid = filterset.is_valid()
        measures = filterset.qs if valid else Measure.objects.none()
        paginator = Paginator(measures, PAGE_SIZE)
        requested = self.request.GET.get("page")
        page_note = None
        try:
            paginator.validate_number(requested if requested is not None else 1)
        except InvalidPage:
            page_note = requested
        page = paginator.get_page(requested)
        accepted = canonical_query(filterset.form)
        if requested is not None and page_note is None:
            accepted.append(("page", str(page.number)))
        self.request.page_cache_query = accepted
        as_of, since = filterset.reporting_dates()
        return super().get_context_data(
            filter=filterset,
            valid=valid,
            page_obj=page,
            paginator=paginator,
            page_note=page_note,
            as_of=as_of,
            since=since,
            shown_on=as_of or timezone.localdate(),
            export_query=query_without(self.request, "page"),
            filters_open=not valid
            or any(value for name, value in self.request.GET.items() if name not in FOLDED_NOT),
            **kwargs,
        )


class DashboardView(TemplateView):
    """Where each Handlungsfeld stands, at today or a reporting date, and what changed."""

    template_name = "measures/dashboard.html"

    def get_context_data(self, **kwargs):
        form = ReportingDateForm(self.request.GET)
        self.request.page_cache_query = canonical_query(form)
        context = {"form": form, "statuses": abbreviated()}
        concept = SourceDocument.objects.concept()
        context["concept"] = concept
        if not form.is_valid():
            return super().get_context_data(**context, **kwargs)
        as_of, since = form.cleaned_data["as_of"], form.cleaned_data["since"]
        measures = Measure.objects.published().at(as_of)
        fields = list(ActionField.objects.all())
        by_field = measures.progress_by("field")
        rows = charts.field_rows(fields, by_field)
        overall = measures.progress_summary()
        by_commitment = measures.progress_by("commitments")
        commitments = [
            (commitment, by_commitment[commitment.pk]) for commitment in Commitment.objects.all()
        ]
        recent = (
            StatusEntry.objects.public()
            .up_to(as_of or timezone.localdate())
            .latest_first()
            .select_related("measure__field")[:RECENT_CHANGES]
        )
        context.update(
            as_of=as_of,
            since=since,
            shown_on=as_of or timezone.localdate(),
            rows=rows,
            totals=charts.totals(rows),
            overall=overall,
            status_chart=charts.status_chart(rows, rtl=get_language_bidi()),
            progress_chart=charts.progress_chart(rows, rtl=get_language_bidi()),
            commitments=commitments,
            recent=recent,
            declared=concept.declared_measure_count if concept else None,
        )
        if since:
            before = Measure.objects.published().at(since)
            changed = measures.changed_since(since).with_related()
            context.update(
                overall_before=before.progress_summary(),
                status_comparison=charts.status_comparison(before.progress_by("field"), by_field),
                changed=changed[:CHANGES_SHOWN],
                changed_count=changed.count(),
                changes_query=query_without(self.request),
            )
        return super().get_context_data(**context, **kwargs)


class ReportView(TemplateView):
    """The Sachstandsbericht: a council document at a reporting date (Stichtag).

    First the summary (Stichtag, catalogue completeness, overall state, the
    Handlungsfeld × status matrix); with ``since`` the changes before → after;
    then each Handlungsfeld with measures on a page of its own, the fields
    without measures in one line. Its length grows with the catalogue (like the
    CSV export), so the dashboard links to it instead of containing it.
    ``ReportPdfView`` renders the same page as a PDF.
    """

    template_name = "measures/report.html"

    def get_context_data(self, **kwargs):
        form = ReportingDateForm(self.request.GET)
        self.request.page_cache_query = canonical_query(form)
        concept = SourceDocument.objects.concept()
        context = {"form": form, "concept": concept, "statuses": abbreviated()}
        if form.is_valid():
            as_of, since = form.cleaned_data["as_of"], form.cleaned_data["since"]
            measures = Measure.objects.published().at(as_of)
            fields = list(ActionField.objects.all())
            rows = charts.field_rows(fields, measures.progress_by("field"))
            report = {field.pk: [] for field in fields}
            for measure in measures.with_related().order_by("field__number", "position"):
                report[measure.field_id].append(measure)
            papers_by_field = council_papers_by_field(report)
            shown = [
                row for row in rows if report[row.field.pk] or papers_by_field.get(row.field.pk)
            ]
            hidden = [row for row in rows if all(row is not other for other in shown)]
            shown_on = as_of or timezone.localdate()
            context.update(
                as_of=as_of,
                since=since,
                shown_on=shown_on,
                rows=rows,
                totals=charts.totals(rows),
                # Fields partition the measures: their summaries combine without a query.
                overall=ProgressSummary.combined(row.summary for row in rows),
                declared=concept.declared_measure_count if concept else None,
                report=[
                    (
                        row,
                        report[row.field.pk],
                        {"papers": papers_by_field.get(row.field.pk), "loaded": True},
                    )
                    for row in shown
                ],
                empty_fields=locale_list(row.name for row in hidden),
                council_loaded=bool(papers_by_field) or Paper.objects.exists(),
                pdf_query=query_without(self.request),
                pdf_filename=f"sachstandsbericht-{shown_on:%Y-%m-%d}.pdf",
            )
            if since:
                context["changed"] = measures.changed_since(since).with_related()
        return super().get_context_data(**context, **kwargs)


class ReportPdfView(ReportView):
    """The Sachstandsbericht as a PDF rendered on the server (WeasyPrint), named by Stichtag."""

    def render_to_response(self, context, **response_kwargs):
        if not context["form"].is_valid():
            return super().render_to_response(context, **response_kwargs)
        html = self.response_class(
            request=self.request, template=self.get_template_names(), context=context
        ).rendered_content
        response = HttpResponse(pdf.render(html, self.request), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{context["pdf_filename"]}"'
        return response


class MeasureDetailView(DetailView):
    template_name = "measures/measure_detail.html"
    context_object_name = "measure"
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_queryset(self):
        return Measure.objects.published().at().select_related("field__concept", "responsible_unit")

    def get_context_data(self, **kwargs):
        measure = self.object
        return super().get_context_data(
            timeline=StatusEntry.objects.published().filter(measure=measure).latest_first(),
            commitment_links=measure.commitmentmeasure_set.select_related("commitment").order_by(
                "commitment__position"
            ),
            council=council_context(measure=measure),
            **kwargs,
        )


class CommitmentListView(TemplateView):
    """The 11 points of "Wir stehen für", each with the state of its linked measures."""

    template_name = "measures/commitment_list.html"

    def get_context_data(self, **kwargs):
        by_commitment = Measure.objects.published().progress_by("commitments")
        commitments = [
            (commitment, by_commitment[commitment.pk])
            for commitment in Commitment.objects.select_related("programme")
        ]
        programme = commitments[0][0].programme if commitments else None
        return super().get_context_data(commitments=commitments, programme=programme, **kwargs)


class CommitmentDetailView(DetailView):
    template_name = "measures/commitment_detail.html"
    context_object_name = "commitment"

    def get_queryset(self):
        return Commitment.objects.select_related("programme").prefetch_related(
            Prefetch(
                "commitmentfield_set",
                queryset=CommitmentField.objects.select_related("field").order_by("field__number"),
                to_attr="field_links",
            ),
        )

    def get_context_data(self, **kwargs):
        serving = Measure.objects.published().serving(self.object)
        basis = CommitmentMeasure.objects.filter(commitment=self.object, measure=OuterRef("pk"))
        measures = (
            serving.at()
            .with_related()
            .annotate(basis=Subquery(basis.values("basis")[:1]))
            .order_by("field__number", "position")
        )
        return super().get_context_data(
            summary=serving.progress_summary(),
            measure_rows=[
                CommitmentRow(measure, LinkBasis(measure.basis).label) for measure in measures
            ],
            **kwargs,
        )


class FieldDetailView(DetailView):
    """A Handlungsfeld: its needs, its published measures with their state, its commitments."""

    template_name = "measures/field_detail.html"
    context_object_name = "field"

    def get_queryset(self):
        return ActionField.objects.select_related("concept").prefetch_related(
            "needs",
            Prefetch(
                "measures",
                queryset=Measure.objects.published().at().with_related(),
                to_attr="published_measures",
            ),
        )

    def get_context_data(self, **kwargs):
        field = self.object
        touching = (
            Commitment.objects.filter(
                Q(fields=field) | Q(measures__field=field, measures__is_published=True)
            )
            .distinct()
            .order_by("position")
        )
        return super().get_context_data(
            summary=Measure.objects.published().in_field(field).progress_summary(),
            commitments=touching,
            shown_on=timezone.localdate(),
            council=council_context(field=field),
            **kwargs,
        )
