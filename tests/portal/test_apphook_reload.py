"""django CMS's URL revision is read from the database only after the pages
have changed (cluster_portal/apphook_reload.py), and an apphook change still
reloads every process's URLs on its next request."""

import pytest
from cms.models import UrlconfRevision
from cms.utils import apphook_reload
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cluster_portal import cache as portal_cache
from members.models import Organization
from tests.portal.test_page_cache import detail_url

pytestmark = pytest.mark.django_db


def revision_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query for query in queries if "cms_urlconfrevision" in query["sql"]]


def test_a_render_reads_the_url_revision_only_after_the_pages_change(client):
    # A new query string each time: every request is rendered by the view.
    url = detail_url(client, Organization.objects.published().first())
    client.get(url + "?visit=1")

    unchanged = revision_queries(client, url + "?visit=2")
    portal_cache.bump("pages")
    changed = revision_queries(client, url + "?visit=3")

    assert unchanged == []
    assert len(changed) == 1


def test_an_apphook_change_reloads_the_urls_on_the_next_request(client):
    url = detail_url(client, Organization.objects.published().first())

    # What django CMS does at the end of a request that changed an apphook.
    apphook_reload.mark_urlconf_as_changed()
    assert apphook_reload.get_local_revision() != UrlconfRevision.objects.get().revision
    client.get(url + "?visit=1")

    assert apphook_reload.get_local_revision() == UrlconfRevision.objects.get().revision
