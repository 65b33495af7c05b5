"""Is this change public? One rule for the page cache and the HTTP validators.

A visitor sees a saved object through its *public state*: the values of the
fields public pages, data files and feeds show, or ``None`` when the object
is not public at all. A change is public when the public state before and
after differ, so saving a draft, an internal note or an unpublished measure
neither empties the page cache nor moves ``ETag``/``Last-Modified`` (which
would tell anyone when staff worked), while publishing, editing a published
object or withdrawing one does.

- Measures are public while published; every field but the edit counter is
  shown (``updated_at`` is a column of the open data).
- Status entries are public while published on a published measure; the
  internal note and the author never are.
- Unit assignments (who works on which measures) are never public.
- Change histories are not content of their own: the change they record is
  judged on the object itself.
- Everything else in the content apps (``measures.content``) is public as a whole.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from .content import history_models, is_content
from .models import Measure, StatusEntry, UnitAssignment

NOT_SHOWN = {
    Measure: {"version"},
    StatusEntry: {"internal_note", "author"},
}


def _values(instance: models.Model) -> dict:
    hidden = NOT_SHOWN.get(type(instance), set())
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.name not in hidden
    }


def can_be_public(model: type[models.Model]) -> bool:
    """Whether objects of ``model`` ever appear on a public page, data file or feed."""
    return is_content(model) and model is not UnitAssignment and model not in history_models()


def is_visible(instance: models.Model) -> bool:
    """Whether ``instance`` appears on any public page, data file or feed."""
    if not can_be_public(type(instance)):
        return False
    try:
        if isinstance(instance, Measure):
            return instance.is_published
        if isinstance(instance, StatusEntry):
            return instance.is_published and instance.measure.is_published
    except ObjectDoesNotExist:  # its measure is being deleted with it: it was public
        return True
    return True


def public_state(instance: models.Model | None) -> dict | None:
    """What visitors see of ``instance``; ``None`` when they see nothing of it."""
    if instance is None or not is_visible(instance):
        return None
    return _values(instance)


def is_public_change(before: models.Model | None, after: models.Model | None) -> bool:
    """Whether replacing ``before`` by ``after`` (either may be None) changes a public page."""
    return public_state(before) != public_state(after)
