from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import Organization, OrganizationTeaser, Person


@plugin_pool.register_plugin
class SpeakersPlugin(CMSPluginBase):
    """The cluster's speakers with their roles, in the editors' order."""

    model = CMSPlugin
    name = _("Cluster speakers")
    module = _("Cluster atlas")
    render_template = "members/plugins/speakers.html"

    def render(self, context, instance, placeholder):
        context["speakers"] = Person.objects.speakers()
        return super().render(context, instance, placeholder)


@plugin_pool.register_plugin
class ManagementContactPlugin(CMSPluginBase):
    """The cluster management's people and contact details."""

    model = CMSPlugin
    name = _("Cluster management contact")
    module = _("Cluster atlas")
    render_template = "members/plugins/management_contact.html"

    def render(self, context, instance, placeholder):
        context["management"] = Person.objects.management()
        return super().render(context, instance, placeholder)


@plugin_pool.register_plugin
class OrganizationTeaserPlugin(CMSPluginBase):
    """Organisations an editor picked, linked to their directory entries."""

    model = OrganizationTeaser
    name = _("Selected organisations")
    module = _("Cluster atlas")
    render_template = "members/plugins/organization_teaser.html"
    filter_horizontal = ["organizations"]

    def render(self, context, instance, placeholder):
        context["organizations"] = (
            Organization.objects.for_directory()
            .filter(pk__in=instance.organizations.all())
            .order_by("name")
        )
        return super().render(context, instance, placeholder)
