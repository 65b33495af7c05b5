"""Who may edit the operator's pages and details: the Redaktion (and superusers).

The Redaktion receives every permission of this app with its role (its label is
in ``measures.content.CONTENT_APPS``); a Fachbereich editor has none.
"""


def can_edit_operator_pages(user) -> bool:
    return user.is_active and user.has_perm("operator_pages.change_page")


def can_edit_operator_details(user) -> bool:
    return user.is_active and user.has_perm("operator_pages.change_operatordetails")
