from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views, views_open_data

app_name = "members"

urlpatterns = [
    path("", views.OrganizationListView.as_view(), name="organization-list"),
    path(_("print/"), views.BrochureView.as_view(), name="brochure"),
    path("clusteratlas.pdf", views.brochure_pdf, name="brochure-pdf"),
    path("clusteratlas.csv", views_open_data.directory_csv, name="directory-csv"),
    path("clusteratlas.json", views_open_data.directory_json, name="directory-json"),
    path(
        "clusteratlas.jsonld",
        views_open_data.directory_json_ld,
        name="directory-jsonld",
    ),
    path(_("map/"), views_open_data.ActorMapView.as_view(), name="actor-map"),
    path(
        "<slug:slug>/vcard.vcf",
        views_open_data.organization_vcard,
        name="organization-vcard",
    ),
    path(
        "<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path(
        _("<slug:slug>/edit/"),
        views.OrganizationEditView.as_view(),
        name="organization-edit",
    ),
]
