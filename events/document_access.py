"""Who may download which CKreihe document."""

from members.models import MemberAccount


def is_cluster_member(user):
    """Whether the user is an active user with a member account (of any
    member organisation). Like ``members.services.is_member_of``, for no
    organisation in particular."""
    if not user.is_authenticated or not user.is_active:
        return False
    try:
        return user.member_account is not None
    except MemberAccount.DoesNotExist:
        return False


def may_download_members_only(user):
    """Whether the user may have members-only documents: members and staff."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or is_cluster_member(user)


def can_download(user, document):
    """Public documents for everyone; members-only ones for members and staff."""
    return not document.is_members_only or may_download_members_only(user)
