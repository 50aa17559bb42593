"""Absolute links to the portal, for sitemaps, canonical and hreflang links."""

from django.conf import settings
from django.contrib.sites.models import Site


def public_domain(request):
    """The host absolute links name: the one the request came to while
    developing (so ``PORT=8300 make run`` links to itself), the configured
    public domain (``SITE_DOMAIN``) in production."""
    return request.get_host() if settings.DEBUG else settings.SITE_DOMAIN


def public_url(request, path):
    return f"{request.scheme}://{public_domain(request)}{path}"


def public_site(request):
    """The current Site as sitemaps should name it; not saved."""
    site = Site.objects.get_current()
    return Site(pk=site.pk, name=site.name, domain=public_domain(request))
