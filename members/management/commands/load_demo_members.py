from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from members import demo_data
from members.models import MemberAccount, Organization, Person, Sector

DEMO_MEMBER_ORGANIZATION = "Beispiel Polymerwerk Saalekreis GmbH"


class Command(BaseCommand):
    help = (
        "Load the Clusteratlas demo content: the organisations, speakers and "
        "management the brochure names, and about 40 fictional sample "
        "organisations. What exists already is left alone."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        sectors = self.load_sectors()
        organizations = self.load_brochure_organizations()
        organizations |= self.load_samples(sectors)
        people = self.load_people(organizations)
        self.stdout.write(
            f"Clusteratlas: {len(organizations)} organisations, {people} people."
        )
        if settings.DEBUG:
            self.link_demo_member(organizations)

    def load_sectors(self):
        sectors = {}
        for order, (slug, german, english) in enumerate(demo_data.SECTORS):
            sectors[slug], _ = Sector.objects.get_or_create(
                slug=slug,
                defaults={"name_de": german, "name_en": english, "order": order},
            )
        return sectors

    def load_brochure_organizations(self):
        organizations = {}
        for fields in demo_data.BROCHURE_ORGANIZATIONS:
            fields = dict(fields)
            name = fields.pop("name")
            organizations[name], _ = Organization.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, **fields}
            )
        return organizations

    def load_samples(self, sectors):
        organizations = {}
        for name, kind, size, city, postcode, state, slugs, member in demo_data.SAMPLES:
            latitude, longitude = demo_data.CITY_COORDINATES[city]
            organization, created = Organization.objects.get_or_create(
                slug=slugify(name),
                defaults={
                    "name": name,
                    "kind": kind,
                    "size": size,
                    "city": city,
                    "postcode": postcode,
                    "federal_state": state,
                    "is_member": member,
                    "is_sample": True,
                    "latitude": latitude,
                    "longitude": longitude,
                    "description_de": demo_data.SAMPLE_DESCRIPTION["de"].format(
                        name=name, city=city
                    ),
                    "description_en": demo_data.SAMPLE_DESCRIPTION["en"].format(
                        name=name, city=city
                    ),
                },
            )
            if created:
                organization.sectors.set([sectors[slug] for slug in slugs])
            organizations[name] = organization
        return organizations

    def load_people(self, organizations):
        count = 0
        for order, (title, first, last, organization, position, role) in enumerate(
            demo_data.SPEAKERS, start=1
        ):
            Person.objects.get_or_create(
                first_name=first,
                last_name=last,
                defaults={
                    "academic_title": title,
                    "organization": organizations[organization],
                    "position_de": position[0],
                    "position_en": position[1],
                    "speaker_role_de": role[0],
                    "speaker_role_en": role[1],
                    "order": order,
                },
            )
            count += 1
        management = organizations[demo_data.MANAGEMENT_ORGANIZATION]
        for order, (title, first, last) in enumerate(demo_data.MANAGEMENT, start=1):
            Person.objects.get_or_create(
                first_name=first,
                last_name=last,
                defaults={
                    "academic_title": title,
                    "organization": management,
                    "is_management": True,
                    "order": order,
                },
            )
            count += 1
        return count

    def link_demo_member(self, organizations):
        member = get_user_model().objects.filter(username="member").first()
        if member is not None:
            MemberAccount.objects.get_or_create(
                user=member,
                defaults={"organization": organizations[DEMO_MEMBER_ORGANIZATION]},
            )
