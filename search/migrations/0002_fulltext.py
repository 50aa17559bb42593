"""The full-text index of the search entries, built by the database itself.

PostgreSQL: the unaccent and pg_trgm extensions, text-search configurations
that drop accents before stemming, a trigger filling ``vector`` and GIN
indexes. SQLite: an FTS5 table that triggers keep in step with the entries.
Each part runs only on its own database.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

POSTGRES = [
    """
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_german') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_german (COPY = german);
        ALTER TEXT SEARCH CONFIGURATION portal_german
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_english') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_english (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION portal_english
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
      END IF;
    END $$;
    """,
    """
    CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger AS $$
    DECLARE
      config regconfig := CASE WHEN NEW.language = 'en'
        THEN 'portal_english'::regconfig ELSE 'portal_german'::regconfig END;
    BEGIN
      NEW.vector :=
        setweight(to_tsvector(config, NEW.title || ' ' || replace(NEW.keys, '|', ' ')), 'A')
        || setweight(to_tsvector(config, left(NEW.body, 500000)), 'B');
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER search_entry_vector BEFORE INSERT OR UPDATE
      ON search_searchentry FOR EACH ROW EXECUTE FUNCTION search_entry_vector();
    """,
    "CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (vector);",
    "CREATE INDEX search_word_trgm ON search_searchword USING gin (word gin_trgm_ops);",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_word_trgm;",
    "DROP INDEX IF EXISTS search_entry_vector_gin;",
    "DROP TRIGGER IF EXISTS search_entry_vector ON search_searchentry;",
    "DROP FUNCTION IF EXISTS search_entry_vector();",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_german;",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_english;",
]
SQLITE = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, keys, body, content='search_searchentry', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    );
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
      INSERT INTO search_fts(rowid, title, keys, body)
        VALUES (new.id, new.title, new.keys, new.body);
    END;
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
      INSERT INTO search_fts(search_fts, rowid, title, keys, body)
        VALUES ('delete', old.id, old.title, old.keys, old.body);
    END;
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
      INSERT INTO search_fts(search_fts, rowid, title, keys, body)
        VALUES ('delete', old.id, old.title, old.keys, old.body);
      INSERT INTO search_fts(rowid, title, keys, body)
        VALUES (new.id, new.title, new.keys, new.body);
    END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update;",
    "DROP TRIGGER IF EXISTS search_fts_delete;",
    "DROP TRIGGER IF EXISTS search_fts_insert;",
    "DROP TABLE IF EXISTS search_fts;",
]
STATEMENTS = {"postgresql": (POSTGRES, POSTGRES_REVERSE), "sqlite": (SQLITE, SQLITE_REVERSE)}


def run(direction):
    def operation(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor)
        for statement in statements[direction] if statements else ():
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(run(0), run(1)),
    ]
