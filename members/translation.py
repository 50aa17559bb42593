from modeltranslation.translator import TranslationOptions, register

from .models import Organization, Person, Sector


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("position", "speaker_role")
