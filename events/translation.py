from modeltranslation.translator import TranslationOptions, register

from .models import Category, Event, EventDocument, FieldOfAction


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
