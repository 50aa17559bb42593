"""A trigram index of the text the Clusteratlas searches, on PostgreSQL.

The Clusteratlas finds a word anywhere in an organisation's name, short
name, city and descriptions (``OrganizationQuerySet.search``: ``UPPER(text)
LIKE '%WORD%'``); without this index every search reads every organisation.
The expression is the one ``members.managers.search_text()`` builds, written
out here as migrations must not follow later changes of the code;
tests/members/test_directory.py checks that searches use the index. SQLite,
the embedded default, has no such index and reads the few rows it holds.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Cast, Concat, Upper

NAME = "members_org_search_trgm"
FIELDS = ["name", "short_name", "city", "description_de", "description_en"]


def search_index():
    parts = [part for field in FIELDS for part in (field, Value(" "))][:-1]
    text = Concat(*parts, output_field=models.TextField())
    return GinIndex(
        OpClass(Upper(Cast(text, models.TextField())), name="gin_trgm_ops"),
        name=NAME,
    )


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        organization = apps.get_model("members", "Organization")
        schema_editor.add_index(organization, search_index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        organization = apps.get_model("members", "Organization")
        schema_editor.remove_index(organization, search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_open_data_settings"),
        ("search", "0002_fulltext"),  # the pg_trgm extension
    ]

    operations = [migrations.RunPython(add_index, remove_index)]
