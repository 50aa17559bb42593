"""What the editors have written in one language and not yet in the other.

An app object counts as written in a language when its ``TranslatedObject``
``translation_field`` is filled in it, as on the public pages. A CMS page
counts as written in a language when it has a published or draft version in
it.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from djangocms_versioning.constants import DRAFT, PUBLISHED

from events.models import Event, EventDocument
from members.models import Organization
from newsletter.models import Issue, NewsItem

GERMAN, ENGLISH = "de", "en"

# The app models, in the order the editors' page lists them.
TRANSLATED_MODELS = (
    ("organisations", _("Organisations"), Organization),
    ("events", _("Events"), Event),
    ("documents", _("CKreihe documents"), EventDocument),
    ("news", _("News items"), NewsItem),
    ("cknews", _("CKnews issues"), Issue),
)

# Editors often save both languages of a page in one sitting, German first;
# only a German change made later than this after the English one means the
# English text may be out of date.
SAME_SITTING = timedelta(hours=1)


@dataclass(frozen=True)
class Item:
    """One object written in one language only."""

    name: str
    edit_url: str


@dataclass
class Kind:
    """One kind of content and what of it is written in one language only."""

    key: str
    name: str
    german_only: list[Item] = field(default_factory=list)
    english_only: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class OutdatedPage:
    """A CMS page whose English version was last changed before its German."""

    name: str
    edit_url: str
    german_modified: object
    english_modified: object


def is_missing(name, code):
    return Q(**{f"{name}_{code}__isnull": True}) | Q(**{f"{name}_{code}": ""})


def one_language_only(model):
    """The model's objects written in German or English but not both, in one
    query."""
    name = model.translation_field
    german_only = ~is_missing(name, GERMAN) & is_missing(name, ENGLISH)
    english_only = is_missing(name, GERMAN) & ~is_missing(name, ENGLISH)
    return model._default_manager.filter(german_only | english_only)


def object_kind(key, label, model):
    kind = Kind(key, label)
    opts = model._meta
    change_url = f"admin:{opts.app_label}_{opts.model_name}_change"
    for obj in one_language_only(model):
        written = obj.translated_languages()[0]
        with override(written):
            item = Item(str(obj), reverse(change_url, args=[obj.pk]))
        if written == GERMAN:
            kind.german_only.append(item)
        else:
            kind.english_only.append(item)
    return kind


def latest_page_contents():
    """Per CMS page (in tree order), its newest published or draft content
    in each language, annotated with the version's ``modified``."""
    contents = (
        PageContent.admin_manager.filter(versions__state__in=(DRAFT, PUBLISHED))
        .annotate(modified=F("versions__modified"))
        .select_related("page")
        .order_by("page__path", "language", "modified")
    )
    pages = {}
    for content in contents:
        # Ordered by modified: the last one seen is the newest.
        pages.setdefault(content.page_id, {})[content.language] = content
    return pages.values()


def page_status():
    """The CMS pages written in one language only, and those whose English
    version is older than the German one."""
    kind = Kind("pages", _("CMS pages"))
    outdated = []
    for by_language in latest_page_contents():
        german, english = by_language.get(GERMAN), by_language.get(ENGLISH)
        if german and not english:
            kind.german_only.append(Item(german.title, get_object_edit_url(german)))
        elif english and not german:
            kind.english_only.append(Item(english.title, get_object_edit_url(english)))
        elif german and english.modified + SAME_SITTING < german.modified:
            outdated.append(
                OutdatedPage(
                    name=german.title,
                    edit_url=get_object_edit_url(english),
                    german_modified=german.modified,
                    english_modified=english.modified,
                )
            )
    return kind, outdated


def translation_status():
    """Every kind of content with what is written in one language only, and
    the CMS pages whose English version is older than the German one."""
    pages, outdated = page_status()
    kinds = [pages] + [object_kind(*entry) for entry in TRANSLATED_MODELS]
    return kinds, outdated
