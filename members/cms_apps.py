from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class ClusteratlasApphook(CMSApp):
    """The directory of the cluster's organisations, where editors attach it."""

    name = _("Cluster atlas")
    app_name = "members"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["members.urls"]
