from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("feed.ics", views.event_feed, name="event-feed"),
    path("feed/<slug:category>.ics", views.event_feed, name="category-feed"),
    path("<int:year>/", views.event_archive, name="event-archive"),
    path("<int:year>/<int:month>/", views.event_month, name="event-month"),
    path("<slug:slug>.ics", views.event_ical, name="event-ical"),
    path("<slug:slug>/", views.event_detail, name="event-detail"),
]
