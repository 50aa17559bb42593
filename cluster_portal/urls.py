import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve

from events.sitemaps import EventDocumentSitemap, EventSitemap
from members.sitemaps import OrganizationSitemap
from newsletter.sitemaps import IssueSitemap, NewsSitemap

from .sitemaps import PageSitemap, sitemap, sitemap_index
from .views import favicon, robots_txt

# One section per kind of page; each app adds its own.
sitemaps = {
    "pages": PageSitemap,
    "organisations": OrganizationSitemap,
    "events": EventSitemap,
    "ckreihe": EventDocumentSitemap,
    "cknews": IssueSitemap,
    "news": NewsSitemap,
}

urlpatterns = [
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap_index, {"sitemaps": sitemaps}, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("members.account_urls")),
    path("filer/", include("filer.urls")),
    path("", include("search.urls")),
    path("", include("cms.urls")),
)

# A database that cannot be reached gets a 503 page instead of the 500 one.
handler500 = "cluster_portal.unavailable.handle_server_error"

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
