from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Upper
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cluster_portal.models import Term, TranslatedObject

from .managers import OrganizationQuerySet, PersonQuerySet


class FederalState(models.TextChoices):
    SAXONY = "sachsen", _("Saxony")
    SAXONY_ANHALT = "sachsen-anhalt", _("Saxony-Anhalt")
    THURINGIA = "thueringen", _("Thuringia")
    ELSEWHERE = "elsewhere", _("Elsewhere")


class Sector(Term):
    """A branch of the cluster's value chain, maintained by the editors."""

    class Meta(Term.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Organization(TranslatedObject, models.Model):
    """An actor of the cluster: a company, institute, association, service
    provider or public body."""

    translation_field = "description"

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        INSTITUTE = "institute", _("Research or education institute")
        ASSOCIATION = "association", _("Association")
        SERVICE_PROVIDER = "service-provider", _("Service provider")
        PUBLIC_BODY = "public-body", _("Politics and administration")

    class Size(models.TextChoices):
        LARGE = "large", _("Large company")
        SME = "sme", _("Small or medium-sized enterprise")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    size = models.CharField(
        _("size"),
        max_length=10,
        choices=Size.choices,
        blank=True,
        help_text=_("For companies only."),
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), related_name="organizations", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    website = models.URLField(_("website"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    federal_state = models.CharField(
        _("federal state"),
        max_length=20,
        choices=FederalState.choices,
        blank=True,
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    is_member = models.BooleanField(_("cluster member"), default=False)
    is_published = models.BooleanField(_("published"), default=True)
    is_sample = models.BooleanField(
        _("sample"),
        default=False,
        help_text=_("Fictional demo entry; delete before going live."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # What the Clusteratlas searches (OrganizationQuerySet.search): a word has
    # no spaces, so it is found in this text exactly where it is found in one
    # of the fields. Kept by the database; indexed by trigrams on PostgreSQL
    # (migration 0006).
    search_text = models.GeneratedField(
        expression=Upper(
            Concat(
                "name",
                Value(" "),
                "short_name",
                Value(" "),
                "city",
                Value(" "),
                "description_de",
                Value(" "),
                "description_en",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organization-detail", kwargs={"slug": self.slug})

    def translated_languages(self):
        # An entry without a description reads the same in every language.
        return super().translated_languages() or list(settings.LANGUAGE_CODES)


class Person(models.Model):
    """Someone the directory names: contact of an organisation, cluster speaker
    or member of the cluster management."""

    academic_title = models.CharField(
        _("academic title"), max_length=40, blank=True, help_text=_("e.g. Dr. habil.")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    position = models.CharField(_("job title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="people",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    speaker_role = models.CharField(
        _("speaker role"),
        max_length=200,
        blank=True,
        help_text=_("Filled in for the cluster's speakers only."),
    )
    is_management = models.BooleanField(_("cluster management"), default=False)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Order among speakers and management.")
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["order", "last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        parts = (self.academic_title, self.first_name, self.last_name)
        return " ".join(part for part in parts if part)


class MemberAccount(models.Model):
    """Ties a user account to the member organisation it belongs to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="member_account",
        on_delete=models.CASCADE,
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="member_accounts",
        on_delete=models.CASCADE,
    )

    class Meta:
        verbose_name = _("member account")
        verbose_name_plural = _("member accounts")

    def __str__(self):
        return f"{self.user} ({self.organization})"


class OrganizationChange(models.Model):
    """A member's proposed change to their organisation's entry, shown on the
    site only once the cluster management has approved it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    # The fields a member may change, copied to the organisation on approval.
    FIELDS = (
        "description_de",
        "description_en",
        "website",
        "email",
        "phone",
        "street",
        "postcode",
        "city",
    )

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="changes",
        on_delete=models.CASCADE,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    logo = models.ImageField(_("new logo"), upload_to="logos/", blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("change by a member")
        verbose_name_plural = _("changes by members")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(status="pending"),
                name="one_pending_change_per_organization",
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_status_display()})"

    def changed_fields(self):
        """(field, current value, proposed value) for what this change alters."""
        changes = [
            (name, getattr(self.organization, name), getattr(self, name))
            for name in self.FIELDS
            if getattr(self.organization, name) != getattr(self, name)
        ]
        if self.logo:
            changes.append(("logo", self.organization.logo, self.logo))
        return changes


class OrganizationTeaser(CMSPlugin):
    """A plugin showing organisations an editor picked."""

    title = models.CharField(_("heading"), max_length=200, blank=True)
    organizations = models.ManyToManyField(
        Organization, verbose_name=_("organisations"), related_name="+"
    )

    def __str__(self):
        return self.title or gettext("Organisations")

    def copy_relations(self, old_instance):
        self.organizations.set(old_instance.organizations.all())


class OpenDataSettings(models.Model):
    """The editors' choices for the Clusteratlas as open data (one row)."""

    class Licence(models.TextChoices):
        UNDECIDED = "undecided", _("Not decided yet")
        CC0 = "cc0-1.0", _("CC0 1.0 (public domain dedication)")
        CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
        DL_ZERO = "dl-de-zero-2.0", _("Data licence Germany – Zero – 2.0")
        DL_BY = "dl-de-by-2.0", _("Data licence Germany – Attribution – 2.0")

    licence = models.CharField(
        _("licence of the data"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.UNDECIDED,
        help_text=_(
            "Stated on the cluster atlas page and in every download (CSV, JSON, "
            "JSON-LD)."
        ),
    )

    class Meta:
        verbose_name = _("open data settings")
        verbose_name_plural = _("open data settings")

    def __str__(self):
        return gettext("Open data settings")

    @classmethod
    def load(cls):
        """The saved settings, or the defaults while no editor has saved any."""
        return cls.objects.order_by("pk").first() or cls()
