"""The two staff roles, as permission bundles on Django groups.

- **Redaktion** (editorial office of the integration unit): every permission on
  the portal's content (``measures.content.CONTENT_APPS``: measures of all units,
  status entries incl. publishing, commitments, sources, fields, unit
  assignments, history), the catalogue import, and managing staff accounts
  and unlocking login lockouts.
- **Fachbereich**: view and change measures and add status entries — the
  querysets and permission checks in ``measures/admin.py`` limit this to the
  measures of the units the user is assigned to (``UnitAssignment``); entries
  they add stay drafts until the Redaktion publishes them.

Everyone else gets no admin access (``is_staff`` is off unless a role is given).
The groups are created by migration ``measures.0003_roles``; after every
``migrate`` the Redaktion also receives permissions of models added since.
"""

from .content import CONTENT_APPS

REDAKTION = "Redaktion"
FACHBEREICH = "Fachbereich"

EDITORIAL_EXTRA = (
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "axes.view_accessfailurelog",
    "axes.view_accesslog",
)
FACHBEREICH_PERMISSIONS = (
    "measures.view_measure",
    "measures.change_measure",
    "measures.view_statusentry",
    "measures.add_statusentry",
    "measures.change_statusentry",
    "measures.view_councilpaperlink",
    "measures.add_councilpaperlink",
    "measures.change_councilpaperlink",
    "measures.delete_councilpaperlink",
    "council.view_paper",
)


def _permissions(Permission, names):
    for name in names:
        app_label, codename = name.split(".")
        yield from Permission.objects.filter(content_type__app_label=app_label, codename=codename)


def sync_roles(apps) -> None:
    """Create both groups and give them their permissions (adds only, never removes)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    redaktion, _created = Group.objects.get_or_create(name=REDAKTION)
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    # The audit trail is read-only for everyone: no add/change/delete on history rows.
    for action in ("add", "change", "delete"):
        content = content.exclude(codename__startswith=f"{action}_historical")
    redaktion.permissions.add(*content, *_permissions(Permission, EDITORIAL_EXTRA))
    fachbereich, _created = Group.objects.get_or_create(name=FACHBEREICH)
    fachbereich.permissions.add(*_permissions(Permission, FACHBEREICH_PERMISSIONS))
