from django.core.management.base import BaseCommand, CommandError

from cluster_portal.backups import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT into "
        "a new folder, with a SHA-256 checksum of every file in manifest.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup folder; must not exist yet.")

    def handle(self, *args, path, **options):
        try:
            manifest = write_backup(path)
        except BackupError as error:
            raise CommandError(f"No backup written: {error}") from error
        files = manifest["files"]
        size = sum(entry["size"] for entry in files.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: the {manifest['database']['vendor']} "
                f"database and {len(files) - 1} files, {size} bytes in all."
            )
        )
