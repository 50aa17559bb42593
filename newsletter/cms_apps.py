from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class CKnewsApphook(CMSApp):
    """The CKnews archive, its issues and the subscription, on the page an
    editor chooses (the demo: Öffentlichkeitsarbeit › CKnews)."""

    name = _("CKnews: archive and subscription")
    app_name = "newsletter"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["newsletter.urls"]


@apphook_pool.register
class NewsApphook(CMSApp):
    """The news list and the news items, on their own page (the demo: the
    top-level page Aktuelles/News)."""

    name = _("News")
    app_name = "news"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["newsletter.news_urls"]
