import pytest
from cms.api import add_plugin
from cms.models import Placeholder
from cms.plugin_rendering import ContentRenderer
from django.contrib.auth.models import AnonymousUser
from django.template import Context
from django.test import RequestFactory

from members.models import Person
from tests.members.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def render_plugin(plugin):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return ContentRenderer(request=request).render_plugin(
        plugin, Context({"request": request})
    )


def render(plugin_type, language="de", **data):
    placeholder = Placeholder.objects.create(slot="test")
    plugin = add_plugin(placeholder, plugin_type, language, **data)
    return plugin, render_plugin(plugin)


def test_speakers_plugin_lists_the_four_speakers_in_order():
    _plugin, html = render("SpeakersPlugin")

    names = [
        "Christoph Mühlhaus",
        "Andreas Hiltermann",
        "Wolfgang Blümel",
        "Reinhard Proske",
    ]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Sprecher für Chemieparks &amp; Feedstocks" in html


def test_management_contact_plugin_shows_the_management_and_its_address():
    _plugin, html = render("ManagementContactPlugin")

    assert "Dr. habil. Gunthard Bratzke" in html
    assert "Andreas Dockhorn" in html
    assert "Hoher Weg 3" in html
    assert "+49 (0) 345 / 299 82 711" in html


def test_teaser_plugin_shows_picked_published_organizations_only():
    shown = OrganizationFactory(name="Gezeigt GmbH")
    hidden = OrganizationFactory(name="Versteckt GmbH", is_published=False)
    plugin, _html = render("OrganizationTeaserPlugin", title="Partner")
    plugin.organizations.set([shown, hidden])

    html = render_plugin(plugin)

    assert "Gezeigt GmbH" in html
    assert "Versteckt GmbH" not in html
    assert "<h3" in html


def test_copying_a_teaser_keeps_its_organizations():
    organization = OrganizationFactory()
    plugin, _html = render("OrganizationTeaserPlugin")
    plugin.organizations.set([organization])
    copy = type(plugin).objects.create(
        placeholder=plugin.placeholder,
        language="en",
        plugin_type=plugin.plugin_type,
        position=2,
    )

    copy.copy_relations(plugin)

    assert list(copy.organizations.all()) == [organization]


def test_a_change_in_the_admin_shows_on_the_speakers_page_at_once(client):
    assert "Mühlhaus" in client.get("/de/clustersprecher/").content.decode()
    client.get("/de/clustersprecher/")  # now cached

    speaker = Person.objects.get(last_name="Mühlhaus")
    speaker.speaker_role_de = "Ehrensprecher"
    speaker.save()

    assert "Ehrensprecher" in client.get("/de/clustersprecher/").content.decode()


def test_the_footer_follows_the_management_data(client):
    client.get("/en/")
    management = Person.objects.management().first().organization
    management.phone = "+49 345 1234567"
    management.save()

    assert "+49 345 1234567" in client.get("/en/").content.decode()
