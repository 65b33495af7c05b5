"""Staff accounts that did things are never erased from the audit trail.

Deleting an account would set ``history_user`` (and a status entry's author) to
NULL, so the audit trail would no longer say who did what. An account that
appears in any change history or as an author is therefore *deactivated*
instead (it can no longer log in, keeps its name on every row); an account
that never did anything is deleted. The delete confirmation page says so.
"""

from django.utils.translation import gettext as _

from .content import history_models
from .models import StatusEntry


def has_history(user) -> bool:
    """Whether ``user`` appears in any change history or as an author."""
    if StatusEntry.objects.filter(author=user).exists():
        return True
    return any(model.objects.filter(history_user=user).exists() for model in history_models())


def deactivate(user) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])


def deactivated_message(name: str) -> str:
    return _(
        "„%(name)s“ hat Änderungen vorgenommen und wurde deshalb nicht gelöscht, sondern "
        "deaktiviert: Das Konto kann sich nicht mehr anmelden, das Änderungsprotokoll "
        "zeigt weiter, wer was getan hat."
    ) % {"name": name}
