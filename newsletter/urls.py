"""CKnews: the archive, the issues, their feeds and the subscription.

Reached through the CMS page carrying ``CKnewsApphook``; the segments are
translated, so German links read German.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "newsletter"

urlpatterns = [
    path("", views.IssueArchiveView.as_view(), name="issue-list"),
    path("<int:number>/", views.IssueDetailView.as_view(), name="issue-detail"),
    path("feed/rss/", feeds.IssueFeed(), name="issue-feed-rss"),
    path("feed/atom/", feeds.IssueAtomFeed(), name="issue-feed-atom"),
    path(
        _("subscribe/"),
        views.SubscribeView.as_view(),
        name="subscribe",
    ),
    path(
        _("subscribe/thank-you/"),
        views.SubscribeDoneView.as_view(),
        name="subscribe-done",
    ),
    path(
        _("confirm/<str:token>/"),
        views.ConfirmView.as_view(),
        name="confirm",
    ),
    path(
        _("unsubscribe/<str:token>/"),
        views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
]
