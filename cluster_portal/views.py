from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Let crawlers in everywhere but the admin, and name the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap-index"))
    lines = [
        "User-agent: *",
        "Disallow: /de/admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin)."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("img/favicon.svg"))
