from django import template

from members.models import Person

register = template.Library()


@register.inclusion_tag("members/includes/footer_contact.html")
def management_contact():
    """The cluster management's contact block, for the site's footer."""
    management = list(Person.objects.management())
    return {
        "management": management,
        "organization": management[0].organization if management else None,
    }
