"""The page a locked login gets (django-axes' AXES_LOCKOUT_CALLABLE), in the
site's layout and the visitor's language.

It is the same for every user name, known or not, so it reveals nothing
about which accounts exist.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

LOCKED_STATUS = 429


def cooloff_minutes():
    return max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))


def locked_out(request, original_response=None, credentials=None):
    response = render(
        request,
        "members/account/locked_out.html",
        {"minutes": cooloff_minutes()},
        status=LOCKED_STATUS,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    add_never_cache_headers(response)
    return response
