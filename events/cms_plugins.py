from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Event, EventListPluginModel


class EventListPluginBase(CMSPluginBase):
    """A short list of upcoming events, linking to the calendar.

    The page cache keeps the page it sits on until an event changes or the
    next scheduled change (see events/signals.py).
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
