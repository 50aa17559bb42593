"""The dossier in the admin: programme and photos as inlines of the event,
speakers as inlines of a session (reached from the programme's "change")."""

from django.contrib import admin
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from .models import EventPhoto, Session, SessionSpeaker


class SessionInline(TranslationTabularInline):
    model = Session
    fields = ["start", "end", "order", "title", "description"]
    extra = 0
    show_change_link = True


class EventPhotoInline(TranslationStackedInline):
    model = EventPhoto
    fields = ["image", "alt", "caption", "credit", "order"]
    extra = 0


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    fields = ["person", "name", "affiliation", "order"]
    autocomplete_fields = ["person"]
    extra = 1


@admin.register(Session)
class SessionAdmin(TabbedTranslationAdmin):
    list_display = ["title", "event", "start"]
    list_select_related = ["event"]
    search_fields = ["title_de", "title_en", "event__title_de"]
    autocomplete_fields = ["event"]
    fields = ["event", "start", "end", "order", "title", "description"]
    inlines = [SessionSpeakerInline]

    def get_model_perms(self, request):
        # Sessions are edited from their event; keep them off the admin index.
        return {}
