from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from cluster_portal.backups import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_site into an empty database and "
        "empty media folders. Every checksum is checked first; a corrupt or "
        "changed backup is refused before anything is touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup folder.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the backup's checksums; change nothing.",
        )

    def handle(self, *args, path, check, **options):
        try:
            manifest = verify_backup(path) if check else restore_backup(path)
        except BackupError as error:
            raise CommandError(f"Nothing restored: {error}") from error
        files = len(manifest["files"]) - 1
        if check:
            self.stdout.write(
                self.style.SUCCESS(f"The backup is intact: database and {files} files.")
            )
            return
        # Cached pages and menus may still describe the site before the restore.
        cache.clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {files} files from {path} "
                f"(written {manifest['created']})."
            )
        )
