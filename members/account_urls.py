"""The members' area, next to the login in the language-prefixed URLs; the
paths are translated, so English links read English."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views_account as views

urlpatterns = [
    path(_("my-area/"), views.MyAreaView.as_view(), name="my-area"),
    path(
        _("my-area/password/"),
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        _("my-area/password/changed/"),
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        _("forgot-password/"),
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        _("forgot-password/sent/"),
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("new-password/<uidb64>/<token>/"),
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        _("new-password/done/"),
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
