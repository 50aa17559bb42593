import uuid

from .models import Event


def unique_slug(base):
    """``base`` followed by ``-2``, ``-3`` … until no event has it."""
    taken = set(
        Event.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    number = 2
    max_length = Event._meta.get_field("slug").max_length
    while True:
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


def duplicate_event(event):
    """A copy of the event for the editors to adapt: unpublished, not
    featured, with a new slug and its own calendar identity; without the
    original's dossier (programme, photos, report)."""
    fields_of_action = list(event.fields_of_action.all())
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy._state.adding = True
    copy.uid = uuid.uuid4()
    copy.slug = unique_slug(event.slug)
    copy.is_published = False
    copy.is_featured = False
    copy.sequence = 0
    copy.report_issue = copy.report_news = None
    copy.save()
    copy.fields_of_action.set(fields_of_action)
    return copy
