from modeltranslation.translator import TranslationOptions, register

from .models import Category, Event, EventDocument, EventPhoto, FieldOfAction, Session


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(FieldOfAction)
class FieldOfActionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "teaser", "description", "image_alt")


@register(EventDocument)
class EventDocumentTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(EventPhoto)
class EventPhotoTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = {"de": ("alt",), "en": ("alt",)}
