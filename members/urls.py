from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "members"

urlpatterns = [
    path("", views.OrganizationListView.as_view(), name="organization-list"),
    path(_("print/"), views.BrochureView.as_view(), name="brochure"),
    path("clusteratlas.pdf", views.brochure_pdf, name="brochure-pdf"),
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
