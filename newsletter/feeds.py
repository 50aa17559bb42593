"""RSS and Atom feeds of CKnews issues and of news items, one per language
(the language is in the URL)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .models import Issue, NewsItem

FEED_LENGTH = 20


def _start_of_day(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))


class IssueFeed(Feed):
    title = _("CKnews: the newsletter of the Cluster Chemistry/Plastics")
    description = _("The quarterly issues of CKnews, each on one theme.")

    def link(self):
        return reverse("newsletter:issue-list")

    def items(self):
        return Issue.objects.for_archive()[:FEED_LENGTH]

    def item_title(self, item):
        return f"CKnews {item.number}: {item.theme}"

    def item_description(self, item):
        return Truncator(item.editorial).words(60)

    def item_pubdate(self, item):
        return _start_of_day(item.published_on)

    def item_updateddate(self, item):
        return item.updated_at


class IssueAtomFeed(IssueFeed):
    feed_type = Atom1Feed
    subtitle = IssueFeed.description


class NewsFeed(Feed):
    title = _("News from the Cluster Chemistry/Plastics Central Germany")
    description = _("News of the chemical and plastics industry in Central Germany.")

    def link(self):
        return reverse("news:news-list")

    def items(self):
        return NewsItem.objects.for_list()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return _start_of_day(item.date)

    def item_updateddate(self, item):
        return item.updated_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
