"""The audit trail: every recorded change to the portal's content, in one list.

django-simple-history keeps a historical row for each create, change and
delete (who, when, all columns). This view lists them across models, newest
first, with the changed fields and their old and new values; deleted objects
stay reachable through their history page.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import CharField, Value
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from measures.content import tracked_models
from measures.permissions import readable_history
from translations.edits import describe_changes

TYPE_LABELS = {"+": _("angelegt"), "~": _("geändert"), "-": _("gelöscht")}
PER_PAGE = 50


def visible_models(user) -> dict[str, type]:
    """Models whose history the user may read (all of it or their units'), by label."""
    visible = {}
    for model in tracked_models():
        if readable_history(user, model) is not None:
            visible[model._meta.label_lower] = model
    return visible


def history_url(model, object_id) -> str:
    try:
        return reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[object_id]
        )
    except NoReverseMatch:
        return ""


def describe(record) -> list[tuple[str, str, str]]:
    """What a record did: a creation lists the values set, a deletion the values lost."""
    if record.history_type == "+":
        return describe_changes(None, record)
    if record.history_type == "-":
        return [(label, value, blank) for label, blank, value in describe_changes(None, record)]
    previous = record.prev_record
    return describe_changes(previous, record) if previous is not None else []


def audit_trail_view(request):
    models = visible_models(request.user)
    if not models:
        raise PermissionDenied
    chosen_model = request.GET.get("model", "")
    chosen_type = request.GET.get("type", "")
    chosen_user = request.GET.get("user", "")

    selected = {chosen_model: models[chosen_model]} if chosen_model in models else models
    parts = []
    for label, model in selected.items():
        qs = readable_history(request.user, model)
        if chosen_type in TYPE_LABELS:
            qs = qs.filter(history_type=chosen_type)
        if chosen_user.isdigit():
            qs = qs.filter(history_user_id=int(chosen_user))
        parts.append(
            qs.order_by()  # no ordering inside a UNION; the whole list is ordered below
            .annotate(model_label=Value(label, output_field=CharField()))
            .values_list("model_label", "history_id", "history_date")
        )
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    page = Paginator(combined.order_by("-history_date", "-history_id"), PER_PAGE).get_page(
        request.GET.get("p")
    )

    wanted: dict[str, list[int]] = {}
    for label, history_id, _date in page.object_list:
        wanted.setdefault(label, []).append(history_id)
    records = {}
    for label, ids in wanted.items():
        for record in (
            models[label].history.filter(history_id__in=ids).select_related("history_user")
        ):
            records[(label, record.history_id)] = record
    entries = []
    for label, history_id, _date in page.object_list:
        record = records[(label, history_id)]
        model = models[label]
        object_id = getattr(record, model._meta.pk.attname)
        entries.append(
            {
                "record": record,
                "model_name": model._meta.verbose_name,
                "object": str(record.instance),
                "type": TYPE_LABELS.get(record.history_type, record.history_type),
                "history_url": history_url(model, object_id),
                "changes": describe(record),
            }
        )

    users = get_user_model().objects.filter(is_staff=True).order_by("username")
    context = {
        **admin.site.each_context(request),
        "title": _("Änderungsprotokoll"),
        "entries": entries,
        "page": page,
        "models": sorted(
            ((label, model._meta.verbose_name_plural) for label, model in models.items()),
            key=lambda item: str(item[1]),
        ),
        "types": TYPE_LABELS.items(),
        "users": users,
        "chosen": {"model": chosen_model, "type": chosen_type, "user": chosen_user},
    }
    return TemplateResponse(request, "admin/audit_trail.html", context)
