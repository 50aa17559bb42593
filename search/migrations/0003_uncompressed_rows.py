"""Keep index rows of up to 8 kB uncompressed on PostgreSQL.

Past 2 kB (the default target) PostgreSQL compresses a row's largest value,
which here is the tsvector: every match then decompresses it to check and
rank it, which made a search over thousands of matches four times slower.
Rewriting the rows stores the existing ones anew.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 8160);",
    "UPDATE search_searchentry SET title = title;",
]
REVERSE = ["ALTER TABLE search_searchentry RESET (toast_tuple_target);"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(run(FORWARD), run(REVERSE))]
