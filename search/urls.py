from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "search"

urlpatterns = [
    path(pgettext_lazy("URL", "search/"), views.search_results, name="results"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
