from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import LatestNews, NewsItem

# How long the rendered block may be cached when no news item is due to
# appear or disappear; saving a news item clears the cache anyway.
MAX_CACHE_SECONDS = 3600


@plugin_pool.register_plugin
class LatestNewsPlugin(CMSPluginBase):
    """The "News" block with the latest news items, for the homepage."""

    model = LatestNews
    name = _("Latest news")
    module = _("CKnews and news")
    render_template = "newsletter/plugins/latest_news.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        try:
            news_list_url = reverse("news:news-list")
        except NoReverseMatch:  # no page carries the news apphook
            news_list_url = ""
        context["news_items"] = NewsItem.objects.for_list()[: instance.count]
        context["news_list_url"] = news_list_url
        return context

    def get_cache_expiration(self, request, instance, placeholder):
        """Cache no longer than until the next item's visibility window
        opens or closes, so scheduled news appear on time."""
        now = timezone.now()
        next_change = NewsItem.objects.next_change_after(now)
        if next_change is None:
            return MAX_CACHE_SECONDS
        return max(0, min(MAX_CACHE_SECONDS, int((next_change - now).total_seconds())))
