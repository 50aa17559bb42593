from django.urls import path

from . import document_views

app_name = "ckreihe"

urlpatterns = [
    path("", document_views.document_list, name="document-list"),
    path("<int:number>/", document_views.document_detail, name="document-detail"),
    path(
        "<int:number>/download/",
        document_views.document_download,
        name="document-download",
    ),
]
