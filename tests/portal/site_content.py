"""Content a site gets on top of the demo before it is backed up or served
by several hosts; run inside the site's process with
``manage.py shell -c "from tests.portal.site_content import fill; fill()"``."""

import json

from cms.api import add_plugin
from cms.models import Page, PageContent
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from djangocms_versioning.models import Version

from events.models import EventDocument
from newsletter.models import Subscriber
from tests.events.ckreihe import PASSWORD, make_member
from tests.events.factories import EventDocumentFactory

EDITED_TEXT = {
    "de": "Nachtrag der Redaktion: neu im Clusterportal.",
    "en": "Editor's note: new on the cluster portal.",
}


def publish_edit(reverse_id, texts, editor):
    """Publish a new version of a page in each language, with a text added."""
    page = Page.objects.get(reverse_id=reverse_id)
    for language, text in texts.items():
        published = PageContent.objects.get(page=page, language=language)
        draft = Version.objects.get_for_content(published).copy(editor).content
        placeholder = draft.get_placeholders().get(slot="content")
        add_plugin(placeholder, "TextPlugin", language, body=f"<p>{text}</p>")
        Version.objects.get_for_content(draft).publish(editor)


def download_path(document):
    with translation.override("de"):
        return reverse("ckreihe:document-download", kwargs={"number": document.number})


def fill():
    editor = get_user_model().objects.create_superuser(
        "redaktion", "redaktion@example.org", PASSWORD
    )
    publish_edit("cluster", EDITED_TEXT, editor)
    member = make_member(get_user_model(), username="mitglied")
    document = EventDocumentFactory(
        number=4711, visibility=EventDocument.Visibility.MEMBERS
    )
    for number in range(3):
        Subscriber.objects.create(
            email=f"leser{number}@example.org",
            status=Subscriber.Status.CONFIRMED,
            language=("de", "en")[number % 2],
        )
    print(
        json.dumps(
            {
                "member": member.username,
                "password": PASSWORD,
                "document": document.number,
                "document_file": document.file.name,
                "download_path": download_path(document),
            }
        )
    )


def draft_of_cluster_page(menu_title, text):
    """A draft of the German cluster page with a new menu title and a text
    added; prints the pk of its version, for publishing through the admin."""
    editor = get_user_model().objects.get(username="redaktion")
    published = PageContent.objects.get(
        page=Page.objects.get(reverse_id="cluster"), language="de"
    )
    draft = Version.objects.get_for_content(published).copy(editor).content
    draft.menu_title = menu_title
    draft.save(update_fields=["menu_title"])
    placeholder = draft.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "de", body=f"<p>{text}</p>")
    print(json.dumps({"version": Version.objects.get_for_content(draft).pk}))


def a_published_organization():
    from members.models import Organization

    organization = Organization.objects.filter(is_published=True).order_by("pk")[0]
    with translation.override("de"):
        path = organization.get_absolute_url()
    print(json.dumps({"pk": organization.pk, "path": path, "name": organization.name}))
