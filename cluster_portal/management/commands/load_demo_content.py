from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from djangocms_versioning.models import Version

from cluster_portal.demo_pages import PAGES
from cluster_portal.demo_translations import load_untranslated

# Each app's own demo data, loaded after the page tree, in this order.
APP_DEMO_COMMANDS = (
    "load_demo_members",
    "load_demo_events",
    "load_demo_ckreihe",
    "load_demo_newsletter",
    "load_demo_dossier",
)

# The account that demo pages are created and published as.
EDITOR_USERNAME = "demo-content"

DEMO_ACCOUNTS = (
    # username, password, is_staff, is_superuser
    ("admin", "admin", True, True),
    ("member", "member", False, False),
)


class Command(BaseCommand):
    help = (
        "Build the CMS page tree from the cluster's brochure in German and "
        "English and publish it, then load each app's demo data and a few "
        "entries written in German only. What exists "
        "already is left alone, so running it twice changes nothing. With "
        "DEBUG on, also create the demo accounts admin/admin and member/member."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            editor = self.demo_editor()
            created = self.create_pages(PAGES, parent=None, editor=editor)
            self.stdout.write(f"Pages: {created} created, the rest already there.")
            if settings.DEBUG:
                self.create_demo_accounts()
            for command in APP_DEMO_COMMANDS:
                call_command(command, stdout=self.stdout)
            load_untranslated(editor, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def demo_editor(self):
        user, created = get_user_model().objects.get_or_create(
            username=EDITOR_USERNAME,
            defaults={"is_active": False, "first_name": "Demo content"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def create_pages(self, demo_pages, parent, editor):
        created = 0
        for demo_page in demo_pages:
            page = Page.objects.filter(reverse_id=demo_page.reverse_id).first()
            if page is None:
                page = self.create_page(demo_page, parent, editor)
                created += 1
                self.stdout.write(f"  {demo_page.de.title} / {demo_page.en.title}")
            created += self.create_pages(demo_page.children, parent=page, editor=editor)
        return created

    def create_page(self, demo_page, parent, editor):
        """Create a page in both languages as drafts, fill and publish them."""
        de, en = demo_page.de, demo_page.en
        page = create_page(
            title=de.title,
            page_title=de.page_title or None,
            menu_title=de.menu_title or None,
            slug=de.slug,
            meta_description=de.description,
            template=demo_page.template,
            language="de",
            parent=parent,
            reverse_id=demo_page.reverse_id,
            in_navigation=demo_page.in_navigation,
            apphook=demo_page.apphook or None,
            apphook_namespace=demo_page.apphook_namespace or None,
            created_by=editor,
        )
        create_page_content(
            language="en",
            title=en.title,
            page_title=en.page_title or None,
            menu_title=en.menu_title or None,
            slug=en.slug,
            meta_description=en.description,
            template=demo_page.template,
            page=page,
            in_navigation=demo_page.in_navigation,
            created_by=editor,
        )
        for content in PageContent.admin_manager.filter(page=page):
            for slot in demo_page.placeholders:
                placeholder = self.placeholder(content, slot)
                add_plugin(
                    placeholder,
                    "TextPlugin",
                    content.language,
                    body=demo_page.placeholder_html(slot, content.language),
                )
            for plugin in demo_page.plugins:
                placeholder = self.placeholder(content, plugin.slot)
                add_plugin(
                    placeholder, plugin.plugin_type, content.language, **plugin.data
                )
            Version.objects.get_for_content(content).publish(editor)
        if demo_page.is_home:
            page.set_as_homepage(editor)
        return page

    def placeholder(self, content, slot):
        # django CMS does not create the placeholders of a page that carries an
        # apphook until the page is first shown.
        placeholder, _created = content.placeholders.get_or_create(slot=slot)
        return placeholder

    def create_demo_accounts(self):
        User = get_user_model()
        for username, password, is_staff, is_superuser in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(username=username, is_staff=is_staff, is_superuser=is_superuser)
            user.set_password(password)
            user.save()
            self.stdout.write(f"Demo account {username}/{password} created.")
