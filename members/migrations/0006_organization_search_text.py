"""The text the Clusteratlas searches, kept by the database, with a trigram
index on PostgreSQL in place of 0005's.

``OrganizationQuerySet.search`` finds a word anywhere in an organisation's
name, short name, city and descriptions. 0005 indexed that text as an
expression that every search computed again for the rows it read, upper
case included, which cost more than the search; a stored generated column
now holds it upper-cased (``search_text LIKE '%WORD%'``). SQLite, the
embedded default, keeps the column and reads the few rows it holds.
tests/members/test_directory.py checks that searches use the index.
"""

from importlib import import_module

import django.db.models.functions.text
from django.db import migrations, models

INDEX = "members_org_search_trgm"
expression_index = import_module("members.migrations.0005_organization_search_trigrams")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON members_organization "
            "USING gin (search_text gin_trgm_ops)"
        )


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_organization_search_trigrams"),
    ]

    operations = [
        migrations.RunPython(expression_index.remove_index, expression_index.add_index),
        migrations.AddField(
            model_name="organization",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Concat(
                        "name",
                        models.Value(" "),
                        "short_name",
                        models.Value(" "),
                        "city",
                        models.Value(" "),
                        "description_de",
                        models.Value(" "),
                        "description_en",
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.RunPython(add_index, remove_index),
    ]
