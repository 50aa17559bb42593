"""Who a client is, and how often it may do something: the client address
behind the configured proxies, and counters in the shared cache."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client's IP address, behind ``TRUSTED_PROXIES`` proxies.

    Each trusted proxy appends the address it saw to X-Forwarded-For; entries
    further left are whatever the client claimed and are not trusted. With no
    trusted proxies the header is ignored.
    """
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_exceeded(scope, identifier, limit, period):
    """Count one attempt of ``identifier`` and tell whether it exceeds
    ``limit`` attempts within the current window of ``period`` seconds.

    The counter lives in the shared cache (Redis in production), so all
    hosts count together; ``incr`` is atomic there. Identifiers are hashed:
    no address or IP address is stored in the cache. Without a cache nothing
    is counted, and nothing is refused.
    """
    window = int(time.time() // period)
    digest = hashlib.sha256(identifier.lower().encode()).hexdigest()[:32]
    key = f"portal:rate:{scope}:{digest}:{window}"
    if cache.add(key, 1, timeout=period):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ended between add() and incr(): a new one starts.
        cache.add(key, 1, timeout=period)
        count = 1
    return count > limit
