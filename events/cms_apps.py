from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class EventsApphook(CMSApp):
    """The event calendar, placed where an editor attaches it (Termine/Events)."""

    name = _("Event calendar")
    app_name = "events"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["events.urls"]


@apphook_pool.register
class CKreiheApphook(CMSApp):
    """The CKreihe, the series of documents on the cluster's events, with
    its downloads (Öffentlichkeitsarbeit › CKreihe)."""

    name = _("CKreihe")
    app_name = "ckreihe"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["events.ckreihe_urls"]
