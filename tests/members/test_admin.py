import pytest
from django.urls import reverse

from members.models import Organization, OrganizationChange
from tests.members.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_changelist_filters_searches_and_previews_logos(admin_client):
    url = reverse("admin:members_organization_changelist")

    response = admin_client.get(url, {"q": "InfraLeuna", "kind__exact": "company"})

    assert response.status_code == 200
    assert list(response.context["cl"].queryset.values_list("name", flat=True)) == [
        "InfraLeuna GmbH"
    ]
    assert response.context["cl"].has_filters


def test_change_form_has_people_inline_and_both_languages(admin_client):
    organization = Organization.objects.get(name__startswith="isw")

    response = admin_client.get(
        reverse("admin:members_organization_change", args=[organization.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Gunthard" in html
    assert 'name="description_de"' in html and 'name="description_en"' in html


@pytest.mark.parametrize(
    ("action", "published"), [("unpublish", False), ("publish", True)]
)
def test_bulk_publish_and_unpublish(admin_client, action, published):
    organizations = OrganizationFactory.create_batch(3, is_published=not published)

    admin_client.post(
        reverse("admin:members_organization_changelist"),
        {"action": action, "_selected_action": [o.pk for o in organizations]},
    )

    assert all(
        o.is_published == published
        for o in Organization.objects.filter(pk__in=[o.pk for o in organizations])
    )


def test_samples_are_marked_in_the_admin(admin_client):
    response = admin_client.get(
        reverse("admin:members_organization_changelist"), {"is_sample__exact": "1"}
    )

    assert (
        response.context["cl"].result_count
        == Organization.objects.filter(is_sample=True).count()
    )
    assert response.context["cl"].result_count >= 40


def test_management_approves_pending_changes_in_the_admin(admin_client, client):
    organization = OrganizationFactory(city="Leuna", description_de="Alt")
    change = OrganizationChange.objects.create(
        organization=organization, city="Merseburg", description_de="Neu"
    )
    changelist = reverse("admin:members_organizationchange_changelist")
    assert (
        "Merseburg"
        in admin_client.get(
            reverse("admin:members_organizationchange_change", args=[change.pk])
        ).content.decode()
    )

    admin_client.post(
        changelist, {"action": "approve", "_selected_action": [change.pk]}
    )

    organization.refresh_from_db()
    change.refresh_from_db()
    assert (organization.city, organization.description_de) == ("Merseburg", "Neu")
    assert change.status == OrganizationChange.Status.APPROVED
    assert change.reviewed_by is not None
