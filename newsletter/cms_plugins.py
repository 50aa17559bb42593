from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .models import LatestNews, NewsItem


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
