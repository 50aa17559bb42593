from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Event, EventListPluginModel


class EventListPluginBase(CMSPluginBase):
    """A short list of upcoming events, linking to the calendar.

    The CMS caches the page it sits on; saving an event empties that cache
    (signals.py), and the cache expires by itself when the next event ends
    or a publication window opens or closes, since then the list changes
    without anyone saving anything.
    """

    model = EventListPluginModel
    module = _("Event calendar")

    def events(self, instance, now):
        raise NotImplementedError

    def render(self, context, instance, placeholder):
        now = timezone.now()
        context = super().render(context, instance, placeholder)
        context["events"] = list(self.events(instance, now)[: instance.count])
        context["heading"] = self.name
        return context

    def get_cache_expiration(self, request, instance, placeholder):
        return Event.objects.next_change()


@plugin_pool.register_plugin
class NextEventsPlugin(EventListPluginBase):
    name = _("Next events")
    render_template = "events/plugins/next_events.html"

    def events(self, instance, now):
        return Event.objects.published(now).upcoming(now).with_related()


@plugin_pool.register_plugin
class FeaturedEventsPlugin(EventListPluginBase):
    name = _("Featured events")
    render_template = "events/plugins/featured_events.html"

    def events(self, instance, now):
        return Event.objects.published(now).upcoming(now).featured().with_related()
