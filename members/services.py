from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from cluster_portal import cache as portal_cache
from cluster_portal.throttle import rate_limit_exceeded

from . import open_data
from .models import OpenDataSettings, Organization, OrganizationChange


def pending_change(organization):
    return organization.changes.filter(status=OrganizationChange.Status.PENDING).first()


def change_form_initial(organization):
    """What the edit form starts from: the pending change, else the entry."""
    source = pending_change(organization) or organization
    return {name: getattr(source, name) for name in OrganizationChange.FIELDS}


@transaction.atomic
def submit_change(organization, user, form):
    """Hold a member's edit for approval; a second edit replaces a pending one."""
    change = pending_change(organization)
    if change is None:
        change = OrganizationChange(organization=organization)
    for name, value in form.cleaned_data.items():
        if name == "logo" and not value:
            continue
        setattr(change, name, value)
    change.submitted_by = user
    change.save()
    return change


@transaction.atomic
def approve_change(change, reviewer):
    """Copy the proposed values to the organisation, which shows them at once."""
    organization = change.organization
    for name in OrganizationChange.FIELDS:
        setattr(organization, name, getattr(change, name))
    if change.logo:
        organization.logo = change.logo.name
    organization.save()
    change.status = OrganizationChange.Status.APPROVED
    change.reviewed_by = reviewer
    change.reviewed_at = timezone.now()
    change.save(update_fields=["status", "reviewed_by", "reviewed_at"])


def reject_change(change, reviewer):
    if change.logo:
        change.logo.delete(save=False)
    change.status = OrganizationChange.Status.REJECTED
    change.reviewed_by = reviewer
    change.reviewed_at = timezone.now()
    change.save(update_fields=["status", "reviewed_by", "reviewed_at"])


def is_member_of(user, organization):
    """Whether the user's member account belongs to this organisation."""
    if not user.is_authenticated or not user.is_active:
        return False
    account = getattr(user, "member_account", None)
    return account is not None and account.organization_id == organization.pk


def directory_summary():
    """What the Clusteratlas shows beside any list: how many organisations
    it has (``total``) and its open-data ``licence``; read once per content
    version."""
    return portal_cache.kept(
        f"members:directory-summary:{get_language()}",
        lambda: {
            "total": Organization.objects.published().count(),
            "licence": open_data.licence_of(OpenDataSettings.load()),
        },
    )


def organizations_by_kind():
    """Published organisations as (kind label, organisations) in kind order."""
    organizations = Organization.objects.for_directory().order_by("name")
    groups = {kind: [] for kind in Organization.Kind}
    for organization in organizations:
        groups[organization.kind].append(organization)
    return [(kind.label, members) for kind, members in groups.items() if members]


def password_reset_throttled(email, ip_address):
    """Count a password-reset request against both the address and the
    client; true when either has asked too often."""
    period = settings.PASSWORD_RESET_LIMIT_PERIOD
    by_address = rate_limit_exceeded(
        "password-reset-email", email, settings.PASSWORD_RESET_LIMIT_PER_EMAIL, period
    )
    by_client = rate_limit_exceeded(
        "password-reset-ip", ip_address, settings.PASSWORD_RESET_LIMIT_PER_IP, period
    )
    return by_address or by_client
