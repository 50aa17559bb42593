from cluster_portal.sitemaps import TranslatedObjectSitemap

from .models import Organization


class OrganizationSitemap(TranslatedObjectSitemap):
    """The published entries of the Clusteratlas."""

    changefreq = "monthly"

    def items(self):
        return Organization.objects.published().order_by("name", "pk")

    def lastmod(self, organization):
        return organization.updated
