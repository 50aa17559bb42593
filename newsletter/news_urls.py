"""News items: the list, each item and the feeds.

Reached through the CMS page carrying ``NewsApphook``.
"""

from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.NewsListView.as_view(), name="news-list"),
    path("<int:pk>-<slug:slug>/", views.NewsDetailView.as_view(), name="news-detail"),
    path("feed/rss/", feeds.NewsFeed(), name="news-feed-rss"),
    path("feed/atom/", feeds.NewsAtomFeed(), name="news-feed-atom"),
]
