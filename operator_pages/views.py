"""The four pages: the page's text from the database, and the operator details it needs."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from .models import DETAILS_ON_PAGE, OperatorDetails, Page


class OperatorPageView(TemplateView):
    """One page, found by its slug; ``missing`` lists what the operator has not stated yet."""

    slug = None

    def get_template_names(self):
        return [f"operator_pages/{self.slug}.html"]

    def get_context_data(self, **kwargs):
        page = get_object_or_404(Page.objects.prefetch_related("sections"), slug=self.slug)
        operator = OperatorDetails.current()
        sections = page.sections.all()
        return super().get_context_data(
            page=page,
            sections=sections,
            cookies=[(name, section) for section in sections for name in section.cookie_names],
            operator=operator,
            missing=operator.missing(DETAILS_ON_PAGE[self.slug]),
            **kwargs,
        )
