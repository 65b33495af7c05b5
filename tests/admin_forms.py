"""Helpers to submit admin change forms the way a browser would."""

from django.forms import MultiWidget


def form_fields(form) -> dict:
    data = {}
    for bound_field in form:
        value = bound_field.value()
        if value is None or value is False or value == "":
            continue  # blank inputs and unticked boxes send nothing
        widget = bound_field.field.widget
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{bound_field.html_name}_{index}"] = "" if part is None else str(part)
            continue
        if value is True:
            value = "on"
        elif isinstance(value, list | tuple):
            value = [str(v) for v in value]
        data[bound_field.html_name] = value
    return data


def change_form_data(response) -> dict:
    """Everything the admin change page would post back unchanged."""
    context = response.context
    data = form_fields(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_fields(formset.management_form))
        for form in formset.initial_forms:
            data.update(form_fields(form))
        # The blank extra forms stay empty, as in a browser.
    return data
