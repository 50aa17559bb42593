import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members import services
from members.models import MemberAccount, OrganizationChange
from tests.members.factories import OrganizationFactory
from tests.storages import files_under, fill_the_disk

pytestmark = pytest.mark.django_db


def png_bytes(width=64, height=32):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 85, 104)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def organization():
    return OrganizationFactory(
        name="Alpha Chemie GmbH",
        description_de="Alte Beschreibung",
        description_en="Old description",
        city="Leuna",
    )


@pytest.fixture
def member(organization):
    user = get_user_model().objects.create_user("alpha", password="a-long-password-1")
    MemberAccount.objects.create(user=user, organization=organization)
    return user


@pytest.fixture
def edit_url(detail_url, organization):
    return detail_url(organization) + "bearbeiten/"


def form_data(**changes):
    data = {
        "description_de": "Neue Beschreibung",
        "description_en": "New description",
        "website": "https://alpha.example.org",
        "email": "kontakt@alpha.example.org",
        "phone": "+49 3461 1",
        "street": "Am Werk 2",
        "postcode": "06237",
        "city": "Leuna",
    }
    return data | changes


def test_anonymous_visitors_are_sent_to_the_login(client, edit_url):
    response = client.get(edit_url)

    assert response.status_code == 302
    assert response["Location"].startswith("/de/login/?next=")


def test_a_member_of_another_organization_may_not_edit(client, edit_url, member):
    other = OrganizationFactory(name="Beta GmbH")
    stranger = get_user_model().objects.create_user("beta", password="x-long-pass-2")
    MemberAccount.objects.create(user=stranger, organization=other)
    client.force_login(stranger)

    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, form_data()).status_code == 403
    assert not OrganizationChange.objects.exists()


def test_a_deactivated_member_may_not_edit(client, edit_url, member):
    client.force_login(member)
    member.is_active = False
    member.save()

    assert client.get(edit_url).status_code in (302, 403)


def test_the_change_waits_for_approval_then_shows(
    client, edit_url, member, organization, admin_user
):
    client.force_login(member)
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "Alte Beschreibung" in form.content.decode()

    response = client.post(edit_url, form_data())

    assert response.status_code == 302
    change = OrganizationChange.objects.get()
    assert change.status == OrganizationChange.Status.PENDING
    assert change.submitted_by == member
    page = client.get(response["Location"]).content.decode()
    assert "Alte Beschreibung" in page
    assert "sobald das Clustermanagement sie freigegeben hat" in page

    services.approve_change(change, admin_user)

    page = client.get(response["Location"]).content.decode()
    assert "Neue Beschreibung" in page
    assert "Am Werk 2" in page


def test_a_second_edit_replaces_the_pending_one(client, edit_url, member):
    client.force_login(member)
    client.post(edit_url, form_data(city="Merseburg"))

    client.post(edit_url, form_data(city="Schkopau"))

    change = OrganizationChange.objects.get()
    assert change.city == "Schkopau"
    assert "Schkopau" in client.get(edit_url).content.decode()


def test_a_new_logo_is_shown_after_approval(
    client, edit_url, member, organization, admin_user
):
    client.force_login(member)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")

    client.post(edit_url, form_data(logo=logo))
    services.approve_change(OrganizationChange.objects.get(), admin_user)

    organization.refresh_from_db()
    assert organization.logo.name.startswith("logos/logo")
    assert organization.logo.storage.exists(organization.logo.name)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"%PDF-1.4 not an image", "kein Bild oder ist defekt"),
        (b"\x89PNG\r\n\x1a\n broken", "kein Bild oder ist defekt"),
        ("bomb", "höchstens 16 Megapixel"),
        ("huge", "höchstens 2,0"),
    ],
)
def test_a_bad_logo_is_refused_with_a_clear_message(
    client, edit_url, member, upload, message
):
    if upload == "bomb":
        upload = png_bytes(5000, 5000)
    elif upload == "huge":
        upload = png_bytes(10, 10) + b"\0" * (2 * 1024 * 1024 + 1)
    client.force_login(member)

    response = client.post(
        edit_url,
        form_data(
            logo=SimpleUploadedFile("logo.png", upload, content_type="image/png")
        ),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OrganizationChange.objects.exists()


def test_a_rejected_change_leaves_the_entry_alone(
    client, edit_url, member, organization, admin_user
):
    client.force_login(member)
    client.post(
        edit_url,
        form_data(
            logo=SimpleUploadedFile("l.png", png_bytes(), content_type="image/png")
        ),
    )
    change = OrganizationChange.objects.get()
    logo_name = change.logo.name

    services.reject_change(change, admin_user)

    organization.refresh_from_db()
    assert organization.description_de == "Alte Beschreibung"
    assert not organization.logo
    assert not change.logo.storage.exists(logo_name)


def test_members_see_an_edit_link_on_their_own_entry_only(
    client, detail_url, member, organization
):
    other = OrganizationFactory(name="Gamma GmbH")
    client.force_login(member)

    assert "Eintrag bearbeiten" in client.get(detail_url(organization)).content.decode()
    assert "Eintrag bearbeiten" not in client.get(detail_url(other)).content.decode()


def test_a_logo_upload_on_a_full_disk_is_a_form_error(
    client, edit_url, member, settings
):
    client.force_login(member)
    fill_the_disk(settings)

    response = client.post(
        edit_url,
        form_data(
            logo=SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
        ),
    )

    assert response.status_code == 200
    assert "Die Datei konnte nicht gespeichert werden" in response.content.decode()
    assert not OrganizationChange.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []
