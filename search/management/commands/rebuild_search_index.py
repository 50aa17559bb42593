from django.core.management.base import BaseCommand

from search.rebuild import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the site search index from the content; the site stays "
        "searchable while it runs."
    )

    def handle(self, *args, **options):
        def progress(done, total):
            self.stdout.write(f"\rIndexed {done} of {total} objects", ending="")
            self.stdout.flush()

        done = rebuild(progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {done} objects."))
