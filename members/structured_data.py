"""schema.org data of the Clusteratlas' pages (JSON-LD), for search engines
and for other pages that point at an organisation by its ``@id``."""

from django.urls import reverse

from . import open_data


def organization_page_data(organization, absolute):
    """The Organization node of an organisation's page, as in the open data."""
    node = open_data.organization_node(
        organization,
        absolute,
        cluster_id=absolute("/") + "#cluster",
        sectors_id=absolute(reverse("members:directory-jsonld")) + "#sectors",
    )
    if "memberOf" in node:
        node["memberOf"] = {
            "@type": "Organization",
            **node["memberOf"],
            "name": open_data.CLUSTER_NAME,
        }
    return {"@context": "https://schema.org", **node}
