import factory
from django.utils.text import slugify

from members.models import Organization, Person, Sector


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name_de = factory.Sequence(lambda n: f"Branche {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.LazyAttribute(lambda sector: slugify(sector.name_de))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Beispiel {n} GmbH")
    slug = factory.LazyAttribute(lambda organization: slugify(organization.name))
    kind = Organization.Kind.COMPANY
    description_de = "Ein fiktives Unternehmen der Kunststoffverarbeitung."
    description_en = "A fictional plastics processing company."
    city = "Halle (Saale)"
    postcode = "06120"

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    organization = factory.SubFactory(OrganizationFactory)
