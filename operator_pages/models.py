"""The operator's own pages — Impressum, Datenschutzerklärung, Kontakt, Über dieses
Portal — and the operator's details they show.

The pages' texts are content, edited by the Redaktion in the admin and translated
like all content (``operator_pages/translation.py``). What only the operator can
say — who runs the portal, where, who represents it, who is the data-protection
officer, which authority supervises it, whom to tell about barriers — is kept as
structured ``OperatorDetails`` that may be empty: until the Redaktion fills an
item, every page that needs it says it is missing, and ``check --deploy`` warns
(``operator_pages/checks.py``). Nothing is invented to fill a gap.
"""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """One of the four pages, found by its slug (which is also its address)."""

    class Slug(models.TextChoices):
        IMPRINT = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutzerklärung")
        CONTACT = "kontakt", _("Kontakt")
        ABOUT = "ueber-das-portal", _("Über dieses Portal")

    slug = models.SlugField(_("Seite"), max_length=40, choices=Slug.choices, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(
        _("Text"), blank=True, help_text=_("Absätze durch eine Leerzeile trennen.")
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Seite des Betreibers")
        verbose_name_plural = _("Seiten des Betreibers")
        ordering = ["slug"]

    def __str__(self):
        return self.get_slug_display()

    def get_absolute_url(self):
        return reverse(f"operator_pages:{URL_NAMES[self.slug]}")


# Page slug → URL name in the namespace ``operator_pages``.
URL_NAMES = {
    Page.Slug.IMPRINT: "imprint",
    Page.Slug.PRIVACY: "privacy",
    Page.Slug.CONTACT: "contact",
    Page.Slug.ABOUT: "about",
}


class PageSection(models.Model):
    """A section of a page; on the Datenschutzerklärung one purpose of processing,
    with its legal basis and the cookies it sets."""

    class Purpose(models.TextChoices):
        """What a section of the Datenschutzerklärung covers (empty on other pages)."""

        SERVER_ACCESS = "server_access", _("Aufruf der Seiten")
        LANGUAGE = "language", _("Gewählte Sprache")
        STAFF_LOGIN = "staff_login", _("Anmeldung der Mitarbeitenden")
        CHANGE_HISTORY = "change_history", _("Änderungsprotokoll")
        # Reserved for e-mail subscriptions (issue 14). Nothing is shipped for it:
        # whoever builds the subscriptions adds the section with the data they
        # really store, its legal basis and retention, and the cookie test visits
        # the subscription flow.
        EMAIL_SUBSCRIPTIONS = "email_subscriptions", _("E-Mail-Benachrichtigungen")

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="sections", verbose_name=_("Seite")
    )
    position = models.PositiveSmallIntegerField(_("Position"))
    purpose = models.CharField(
        _("Zweck der Verarbeitung"), max_length=40, choices=Purpose.choices, blank=True
    )
    heading = models.CharField(_("Überschrift"), max_length=200)
    body = models.TextField(_("Text"), help_text=_("Absätze durch eine Leerzeile trennen."))
    legal_basis = models.TextField(_("Rechtsgrundlage"), blank=True)
    cookies = models.CharField(
        _("Cookies"),
        max_length=300,
        blank=True,
        help_text=_("Namen der Cookies, die dieser Zweck setzt, durch Leerzeichen getrennt."),
    )

    class Meta:
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")
        ordering = ["page", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page", "position"], name="unique_section_position"),
        ]

    def __str__(self):
        return self.heading

    @property
    def cookie_names(self) -> list[str]:
        return self.cookies.split()


@dataclass(frozen=True)
class Detail:
    """An item only the operator can state, and whether it is given."""

    key: str
    label: Promise
    value: str


class OperatorDetails(models.Model):
    """Who runs the portal and whom to contact: one row, every item may be empty."""

    name = models.CharField(
        _("Betreiber (verantwortliche Stelle)"),
        max_length=200,
        blank=True,
        help_text=_("Wer das Portal betreibt und für die Verarbeitung verantwortlich ist."),
    )
    address = models.TextField(_("Postanschrift"), blank=True)
    representative = models.CharField(
        _("Vertretungsberechtigte Person"), max_length=200, blank=True
    )
    email = models.EmailField(_("E-Mail-Adresse des Betreibers"), blank=True)
    phone = models.CharField(_("Telefon des Betreibers"), max_length=50, blank=True)
    data_protection_officer = models.TextField(
        _("Datenschutzbeauftragte Person"),
        blank=True,
        help_text=_("Name oder Stelle und wie sie zu erreichen ist."),
    )
    supervisory_authority = models.TextField(
        _("Zuständige Aufsichtsbehörde für den Datenschutz"),
        blank=True,
        help_text=_("Name und Anschrift der Behörde, bei der man sich beschweren kann."),
    )
    log_retention = models.TextField(
        _("Server-Protokolle: was gespeichert wird und wie lange"),
        blank=True,
        help_text=_("Was der Webserver vor dem Portal bei jedem Aufruf protokolliert."),
    )
    accessibility_email = models.EmailField(
        _("E-Mail für Rückmeldungen zur Barrierefreiheit"), blank=True
    )
    accessibility_phone = models.CharField(
        _("Telefon für Rückmeldungen zur Barrierefreiheit"), max_length=50, blank=True
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Angaben zum Betreiber")
        verbose_name_plural = _("Angaben zum Betreiber")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "OperatorDetails":
        """The details as stored; an empty, unsaved row while none are (reading never writes)."""
        return cls.objects.order_by("pk").first() or cls()

    def details(self) -> dict[str, Detail]:
        """Every item the pages and the deploy check ask for, by key."""
        contact = " · ".join(v for v in (self.email, self.phone) if v)
        accessibility = " · ".join(
            v for v in (self.accessibility_email, self.accessibility_phone) if v
        )
        items = [
            Detail("name", _("Name des Betreibers (verantwortliche Stelle)"), self.name),
            Detail("address", _("Postanschrift"), self.address),
            Detail("representative", _("vertretungsberechtigte Person"), self.representative),
            Detail("contact", _("E-Mail-Adresse oder Telefon des Betreibers"), contact),
            Detail(
                "data_protection_officer",
                _("Datenschutzbeauftragte Person"),
                self.data_protection_officer,
            ),
            Detail(
                "supervisory_authority",
                _("zuständige Aufsichtsbehörde für den Datenschutz"),
                self.supervisory_authority,
            ),
            Detail(
                "log_retention",
                _("was der Webserver protokolliert und wie lange"),
                self.log_retention,
            ),
            Detail(
                "accessibility_contact",
                _("Kontakt für Rückmeldungen zur Barrierefreiheit"),
                accessibility,
            ),
        ]
        return {item.key: item for item in items}

    def missing(self, keys=None) -> list[Detail]:
        """The items (of ``keys``, default all) the operator has not stated yet."""
        details = self.details()
        return [details[key] for key in (keys or details) if not details[key].value.strip()]


# Which operator details each page shows (and names as missing while empty).
DETAILS_ON_PAGE = {
    Page.Slug.IMPRINT: ("name", "address", "representative", "contact"),
    Page.Slug.PRIVACY: (
        "name",
        "address",
        "contact",
        "data_protection_officer",
        "supervisory_authority",
        "log_retention",
    ),
    Page.Slug.CONTACT: ("name", "address", "contact", "accessibility_contact"),
    Page.Slug.ABOUT: ("name", "contact"),
}
