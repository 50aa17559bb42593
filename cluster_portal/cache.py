"""The portal's shared cache: content versions and the visitors' page cache.

Every kind of content has a version number in the shared cache (Redis in
production, so all workers and hosts agree). Every cached page and fragment
has the versions it depends on in its key; a change bumps its kind's version,
and the old entries are never read again (they expire on their own).

The API for other apps::

    from cluster_portal import cache as portal_cache

    portal_cache.bump("news")               # after a change signals don't see
    portal_cache.watch("news", NewsItem)    # bump on save, delete and m2m change
    portal_cache.schedule(next_moment)      # content that changes by the clock
    portal_cache.versions("directory")      # "1733150000123" for own cache keys
    portal_cache.kept("name:de", compute)   # compute() once per content version

A visitor's request reads the current versions once, in the page cache
(``pinned()``); what it reads of kept values under them after that comes
from this process's memory where it can (``Memo``): a value kept under
some versions never changes while they are current, so only the clock can
make such a copy stale, and it is dropped at the next change by the clock.
"""

import datetime
import hashlib
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

KINDS = ("pages", "directory", "events", "documents", "news")
VERSION_KEY = "portal:version:{}"
NEXT_CHANGE_KEY = "portal:next-change:{}"
KEPT_KEY = "portal:kept:{}"
# Kept values this process holds copies of: shells, cards, placeholders, choices.
MEMO_SIZE = 2000
_schedules = []
_pinned = ContextVar("pinned_versions", default=None)


class Memo:
    """The most recently used values, each until its moment of expiry."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, now):
        """The value, or None."""
        with self.lock:
            expires, value = self.entries.get(key, (0, None))
            if expires <= now:
                self.entries.pop(key, None)
                return None
            self.entries.move_to_end(key)
            return value

    def set(self, key, value, expires):
        with self.lock:
            self.entries[key] = (expires, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_memo = Memo(MEMO_SIZE)


@contextmanager
def pinned(current):
    """Within, the content versions are ``current`` (read just before), and
    kept values under them come from this process's memory where they can;
    not while the cache is unreachable, when no version is known."""
    known = "None" not in current.split(".")
    token = _pinned.set(current if known else None)
    try:
        yield
    finally:
        _pinned.reset(token)


def _version_keys(kinds):
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown content kinds: {sorted(unknown)}")
    return [VERSION_KEY.format(kind) for kind in kinds]


def versions(*kinds):
    """The current versions of these kinds of content (all kinds if none
    named) as one string, for a cache key; one round trip to the cache, none
    where they are pinned."""
    keys = _version_keys(kinds or KINDS)
    current = _pinned.get()
    if current is not None:
        numbers = dict(zip(KINDS, current.split("."), strict=True))
        return ".".join(numbers[kind] for kind in kinds or KINDS)
    return _joined(keys, cache.get_many(keys))


def kept(name, compute):
    """What ``compute()`` returns, computed again only once content has
    changed (or the clock has changed it), in one round trip to the cache
    while it has not. ``name`` says what the value depends on besides the
    content, such as the language of its labels."""
    key = KEPT_KEY.format(name)
    current, values = kept_values([key])
    if key in values:
        return values[key]
    value = compute()
    keep(current, {key: value})
    return value


def kept_values(keys):
    """The current versions, and of the values ``keep()`` stored under these
    keys those stored under the current versions, in one round trip (none
    for the values this process holds, once the versions are pinned)."""
    current = _pinned.get()
    if current is None:
        version_keys = _version_keys(KINDS)
        found = cache.get_many([*version_keys, *keys])
        current = _joined(version_keys, found)
        return current, _current_values(current, found, keys)
    now = time.time()
    values = {}
    for key in keys:
        value = _memo.get((key, current), now)
        if value is not None:
            values[key] = value
    missing = [key for key in keys if key not in values]
    if missing:
        fresh = _current_values(current, cache.get_many(missing), missing)
        _remember(current, fresh, timeout(current))
        values |= fresh
    return current, values


def _current_values(current, found, keys):
    entries = ((key, found[key]) for key in keys if key in found)
    return {key: value for key, (versions, value) in entries if versions == current}


def keep(current, values):
    """Store {key: value} under the versions ``current`` for ``kept_values()``,
    until the next change by the clock at the latest."""
    seconds = timeout(current)
    if seconds > 0:
        entries = {key: (current, value) for key, value in values.items()}
        cache.set_many(entries, timeout=seconds)
        if current == _pinned.get():
            _remember(current, values, seconds)


def _remember(current, values, seconds):
    expires = time.time() + seconds
    for key, value in values.items():
        if value is not None:
            _memo.set((key, current), value, expires)


def _joined(keys, found):
    for key in keys:
        if key not in found:
            # A fresh start must not reuse a number entries were cached under
            # before the version was lost (flushed or evicted).
            cache.add(key, time.time_ns() // 1000, timeout=None)
            found[key] = cache.get(key)
    return ".".join(str(found[key]) for key in keys)


def _increment(keys):
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # not there yet: any fresh number is new
            cache.add(key, time.time_ns() // 1000, timeout=None)


def bump(*kinds):
    """Make everything cached under these kinds' versions stale, at once on
    every host. Called inside a transaction, it bumps again after the commit,
    so that a page rendered from the old data in between is not kept."""
    keys = _version_keys(kinds)
    _increment(keys)
    transaction.on_commit(lambda: _increment(keys))


def watch(kind, *models):
    """Bump ``kind`` whenever one of these models is saved or deleted, or one
    of their many-to-many relations changes."""

    def changed(sender, action=None, **kwargs):
        if action is None or action.startswith("post_"):
            bump(kind)

    for model in models:
        post_save.connect(changed, sender=model, weak=False)
        post_delete.connect(changed, sender=model, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(changed, sender=field.remote_field.through, weak=False)


def schedule(next_moment):
    """Register ``next_moment(now)``: the next time content changes by the
    clock alone (a news item's window opens, an event passes), or None.
    Cached pages never outlive the earliest such moment."""
    _schedules.append(next_moment)


def next_change(now, current_versions=None):
    """The earliest scheduled change after ``now``, or None; computed once
    per content version and moment, not on every request."""
    key = NEXT_CHANGE_KEY.format(current_versions or versions())
    stamp = _memo.get(key, now.timestamp())
    if stamp is None:
        stamp = _shared_next_change(key, now)
        expires = now.timestamp() + page_seconds()
        _memo.set(key, stamp, min(stamp, expires) if stamp else expires)
    return datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC) if stamp else None


def _shared_next_change(key, now):
    """The next change's timestamp (0 for none) from the shared cache, or
    computed and stored there."""
    stamp = cache.get(key)
    if stamp is None:
        moments = [moment(now) for moment in _schedules]
        moments = [moment for moment in moments if moment is not None]
        moment = min(moments, default=None)
        stamp = moment.timestamp() if moment else 0
        ttl = max(1, int(stamp - now.timestamp())) if moment else None
        cache.set(key, stamp, timeout=min(ttl or page_seconds(), page_seconds()))
    return stamp


def page_seconds():
    return settings.PAGE_CACHE_SECONDS


def timeout(current_versions=None, now=None):
    """How long a page may stay cached from now: the configured time, or
    less when a scheduled change comes sooner."""
    now = now or timezone.now()
    moment = next_change(now, current_versions)
    seconds = page_seconds()
    if moment is not None:
        seconds = min(seconds, int((moment - now).total_seconds()))
    return seconds


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]
