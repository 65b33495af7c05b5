"""Linking papers in the admin: autocomplete over synced papers, unit-scoped links."""

import pytest
from django.urls import reverse

from measures.models import CouncilPaperLink
from measures.permissions import can_change_paper_link
from tests.factories import ActionFieldFactory

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = reverse("admin:autocomplete")


def autocomplete(client, term):
    response = client.get(
        AUTOCOMPLETE,
        {
            "app_label": "measures",
            "model_name": "councilpaperlink",
            "field_name": "paper",
            "term": term,
        },
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_autocomplete_offers_synced_papers_but_not_deleted_ones(client, redaktion, sync, oparl):
    sync()
    client.force_login(redaktion)

    assert any("FB 56/0150/WP17" in text for text in autocomplete(client, "FB 56/0150"))

    oparl.world.touch(oparl.world.papers, f"{oparl.base}/paper/1", deleted=True)
    sync()
    assert autocomplete(client, "FB 56/0150") == []


def test_fachbereich_editor_autocompletes_papers_too(client, fachbereich, sync):
    sync()
    client.force_login(fachbereich)

    assert autocomplete(client, "Synthetische")


def test_fachbereich_editor_links_papers_to_own_measures_only(
    fachbereich, redaktion, own_measure, foreign_measure
):
    field = ActionFieldFactory()

    assert can_change_paper_link(fachbereich, CouncilPaperLink(measure=own_measure))
    assert not can_change_paper_link(fachbereich, CouncilPaperLink(measure=foreign_measure))
    assert not can_change_paper_link(fachbereich, CouncilPaperLink(field=field))
    assert can_change_paper_link(redaktion, CouncilPaperLink(field=field))


def test_fachbereich_editor_sees_only_links_of_own_measures(
    client, fachbereich, own_measure, foreign_measure, sync
):
    from council.models import Paper

    sync()
    paper = Paper.objects.get(reference="FB 56/0150/WP17")
    CouncilPaperLink.objects.create(paper=paper, measure=own_measure)
    CouncilPaperLink.objects.create(paper=paper, measure=foreign_measure)
    client.force_login(fachbereich)

    response = client.get(reverse("admin:measures_councilpaperlink_changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [
        CouncilPaperLink.objects.get(measure=own_measure)
    ]


def test_synced_papers_are_read_only_in_the_admin(client, redaktion, sync):
    from council.models import Paper

    sync()
    client.force_login(redaktion)
    paper = Paper.objects.get(reference="FB 56/0150/WP17")

    assert client.get(reverse("admin:council_paper_changelist")).status_code == 200
    page = client.get(reverse("admin:council_paper_change", args=[paper.pk]))
    assert page.status_code == 200
    assert "Testrat" in page.content.decode()
    assert client.get(reverse("admin:council_paper_add")).status_code == 403


def test_fachbereich_editor_links_a_paper_on_the_page_of_an_own_measure(
    client, fachbereich, own_measure, sync
):
    from council.models import Paper
    from tests.admin_forms import change_form_data

    sync()
    paper = Paper.objects.get(reference="FB 56/0150/WP17")
    client.force_login(fachbereich)
    url = reverse("admin:measures_measure_change", args=[own_measure.pk])
    data = change_form_data(client.get(url))
    data.update({"paper_links-TOTAL_FORMS": "1", "paper_links-0-paper": str(paper.pk)})

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    link = CouncilPaperLink.objects.get()
    assert (link.measure, link.paper) == (own_measure, paper)
    assert link.history.get().history_user == fachbereich


def test_redaktion_links_a_paper_to_a_field_in_the_list_of_links(client, redaktion, sync):
    from council.models import Paper

    sync()
    field = ActionFieldFactory()
    paper = Paper.objects.get(reference="FB 56/0065/WP18")
    client.force_login(redaktion)

    response = client.post(
        reverse("admin:measures_councilpaperlink_add"), {"paper": paper.pk, "field": field.pk}
    )

    assert response.status_code == 302
    assert CouncilPaperLink.objects.get().field == field


def test_a_link_needs_exactly_one_target(client, redaktion, sync):
    from council.models import Paper

    sync()
    paper = Paper.objects.get(reference="FB 56/0065/WP18")
    client.force_login(redaktion)

    response = client.post(reverse("admin:measures_councilpaperlink_add"), {"paper": paper.pk})

    assert response.status_code == 200
    assert "genau eines" in response.content.decode()
    assert not CouncilPaperLink.objects.exists()
