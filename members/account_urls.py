"""The members' area, next to the login in the language-prefixed URLs."""

from django.urls import path

from . import views_account as views

urlpatterns = [
    path("mein-bereich/", views.MyAreaView.as_view(), name="my-area"),
    path(
        "mein-bereich/passwort/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "mein-bereich/passwort/geaendert/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "passwort-vergessen/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "passwort-vergessen/gesendet/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "passwort-neu/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passwort-neu/fertig/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
