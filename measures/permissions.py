"""Who may do what with measures, status entries and staff accounts.

One small named predicate per rule; the admin, the forms, the services, the
querysets and the management commands ask these instead of repeating the rule.
Permissions come with the roles (``measures/roles.py``): the Redaktion has
``measures.edit_all_units`` and ``measures.publish_statusentry``, a Fachbereich
editor works on the measures of the units they are assigned to
(``UnitAssignment``). Django grants an inactive account no permission and an
active superuser every one, so a superuser may do everything the Redaktion may.
"""

from django.db.models import QuerySet

from fields.models import OrganisationalUnit

# Measures -------------------------------------------------------------------


def units_of(user) -> QuerySet:
    """The organisational units a staff member is assigned to."""
    return OrganisationalUnit.objects.filter(staff_assignments__user=user)


def sees_all_units(user) -> bool:
    """Redaktion (and superusers) work on every unit's measures; others on their own."""
    return user.is_active and user.has_perm("measures.edit_all_units")


def works_on(user, measure) -> bool:
    """Whether ``measure`` is one of the measures ``user`` works on (Redaktion: all)."""
    if sees_all_units(user):
        return True
    if not user.is_active or measure.responsible_unit_id is None:
        return False
    return units_of(user).filter(pk=measure.responsible_unit_id).exists()


def can_edit_measure(user, measure) -> bool:
    """Change a measure: the Redaktion any, a Fachbereich editor their units' measures."""
    return user.is_active and user.has_perm("measures.change_measure") and works_on(user, measure)


def can_change_catalogue_structure(user) -> bool:
    """Code, field, position, responsible unit and publication of a measure: the Redaktion's."""
    return sees_all_units(user)


def can_change_paper_link(user, link=None) -> bool:
    """Link council papers: to one's units' measures; to fields and the concept, the Redaktion."""
    if not (user.is_active and user.has_perm("measures.change_councilpaperlink")):
        return False
    if link is None:
        return True
    if link.measure_id is not None:
        return works_on(user, link.measure)
    return sees_all_units(user)


# Status entries -------------------------------------------------------------


def can_publish_status(user) -> bool:
    """Publish a status entry; everyone else's entries stay drafts until reviewed."""
    return user.is_active and user.has_perm("measures.publish_statusentry")


def can_add_status_entry(user, measure=None) -> bool:
    """Report a status (on ``measure``, if given): published or draft, see above."""
    allowed = user.is_active and user.has_perm("measures.add_statusentry")
    return allowed and (measure is None or works_on(user, measure))


def can_change_status_entry(user, entry) -> bool:
    """Change an entry of a measure one works on; a published entry only if one may publish."""
    if not (user.is_active and user.has_perm("measures.change_statusentry")):
        return False
    if entry.is_published and not can_publish_status(user):
        return False
    return works_on(user, entry.measure)


def can_delete_status_entry(user, entry) -> bool:
    return (
        user.is_active
        and user.has_perm("measures.delete_statusentry")
        and works_on(user, entry.measure)
    )


# The catalogue spreadsheet ------------------------------------------------------


def can_import_catalogue(user) -> bool:
    return user.is_active and user.has_perm("measures.import_measures")


def can_export_catalogue(user) -> bool:
    """Export the measures one may see (a Fachbereich editor: their units')."""
    return user.is_active and (
        user.has_perm("measures.view_measure") or user.has_perm("measures.change_measure")
    )


# The audit trail ------------------------------------------------------------------


def can_read_history(user, model) -> bool:
    """Read the change history of a tracked model in the audit trail (the Redaktion)."""
    history = model.history.model._meta
    return user.is_active and user.has_perm(f"{history.app_label}.view_{history.model_name}")


def readable_history(user, model) -> QuerySet | None:
    """The change history of ``model`` that ``user`` may read in the audit trail, or None.

    The Redaktion reads every model's history; a Fachbereich editor the history
    of their units' measures and of those measures' status entries (also after
    a deletion: by the unit the measure had).
    """
    if can_read_history(user, model):
        return model.history.all()
    from .models import Measure, StatusEntry  # querysets (imported by models) import this module

    if model not in (Measure, StatusEntry) or not (user.is_active and user.is_staff):
        return None
    units = list(units_of(user).values_list("pk", flat=True))
    if not units:
        return None
    measures = Measure.history.filter(responsible_unit_id__in=units).values("id")
    if model is Measure:
        return Measure.history.filter(id__in=measures)
    return StatusEntry.history.filter(measure_id__in=measures)


# Staff accounts ---------------------------------------------------------------


def can_grant_superuser(user) -> bool:
    """Make someone a superuser or give single permissions: superusers only."""
    return user.is_active and user.is_superuser


def can_change_account(user, account) -> bool:
    """Change a staff account; nobody but a superuser edits a superuser's account."""
    allowed = user.is_active and user.has_perm("auth.change_user")
    return allowed and (not account.is_superuser or can_grant_superuser(user))
