"""The members' area: "Mein Bereich" and the account pages around the login.

Django's auth views do the work; the templates are our own (under
``members/account/``, as the admin ships templates of the same standard
names that would otherwise win).
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from cluster_portal.throttle import client_ip
from events.document_access import may_download_members_only
from events.document_models import EventDocument

from .models import MemberAccount
from .services import password_reset_throttled

MY_AREA_DOCUMENTS = 50


@method_decorator(never_cache, name="dispatch")
class MyAreaView(LoginRequiredMixin, TemplateView):
    """The member's organisation, the edit of its entry and the documents
    only members can see."""

    template_name = "members/my_area.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        try:
            account = MemberAccount.objects.select_related("organization").get(
                user=user
            )
        except MemberAccount.DoesNotExist:
            account = None
        documents = []
        may_download = may_download_members_only(user)
        if may_download:
            documents = EventDocument.objects.members_only().for_series()[
                :MY_AREA_DOCUMENTS
            ]
        return super().get_context_data(
            account=account,
            organization=account.organization if account else None,
            documents=documents,
            may_download_members=may_download,
            **kwargs,
        )


def account_template(name):
    return f"members/account/{name}.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = account_template("password_change_form")
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = account_template("password_change_done")


class PasswordResetView(auth_views.PasswordResetView):
    """Beyond the limits per address and per client no mail goes out, and
    the visitor sees the same page as always."""

    template_name = account_template("password_reset_form")
    email_template_name = "members/account/password_reset_email.txt"
    subject_template_name = "members/account/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if password_reset_throttled(email, client_ip(self.request)):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = account_template("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = account_template("password_reset_confirm")
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = account_template("password_reset_complete")
