"""The brochure's five fields of action and the usual kinds of event.

They are the calendar's vocabulary, not sample data: every installation,
production included, starts with them, and the editors rename or add to them
in the admin. Existing rows (matched by slug) are left alone.
"""

from django.db import migrations

FIELDS_OF_ACTION = (
    ("koordination-kooperationen", "Koordination & Kooperationen", "Coordination & cooperation"),
    ("strategiebildung", "Strategiebildung", "Strategy development"),
    ("innovation", "Innovation", "Innovation"),
    ("internationale-aktivitaeten", "Internationale Aktivitäten", "International activities"),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit", "Public relations"),
)

CATEGORIES = (
    ("tagung", "Tagung", "Conference"),
    ("branchentreffen", "Branchentreffen", "Industry meeting"),
    ("messe", "Messe", "Trade fair"),
    ("workshop", "Workshop", "Workshop"),
    ("webinar", "Webinar", "Webinar"),
    ("clusterveranstaltung", "Clusterveranstaltung", "Cluster event"),
)


def create_vocabulary(apps, schema_editor):
    for model_name, rows in (("FieldOfAction", FIELDS_OF_ACTION), ("Category", CATEGORIES)):
        model = apps.get_model("events", model_name)
        for order, (slug, name_de, name_en) in enumerate(rows, start=1):
            model.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name_de,
                    "name_de": name_de,
                    "name_en": name_en,
                    "order": order,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(create_vocabulary, migrations.RunPython.noop)]
