import logging
import smtplib

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, FormView, ListView, TemplateView

from cluster_portal.throttle import client_ip

from . import services
from .forms import CONSENT_VERSION, SubscriptionForm
from .models import Issue, NewsItem, Subscriber
from .tokens import (
    ExpiredToken,
    InvalidToken,
    read_confirmation_token,
    read_unsubscribe_token,
)

logger = logging.getLogger(__name__)

# --- CKnews ----------------------------------------------------------------


class IssueArchiveView(ListView):
    """Every published issue, newest first, grouped by year in the template."""

    template_name = "newsletter/issue_archive.html"
    context_object_name = "issues"

    def get_queryset(self):
        return Issue.objects.for_archive()


class IssueDetailView(DetailView):
    """One issue with its articles; editors also see unpublished issues."""

    template_name = "newsletter/issue_detail.html"
    context_object_name = "issue"
    slug_field = slug_url_kwarg = "number"

    def get_queryset(self):
        if self.request.user.is_staff:
            return Issue.objects.with_articles()
        return Issue.objects.published().with_articles()

    def get_context_data(self, **kwargs):
        return super().get_context_data(translated_object=self.object, **kwargs)


@method_decorator(csrf_exempt, name="dispatch")
class SubscribeView(FormView):
    """The subscription form. Every valid request gets the same answer, so
    nobody can find out whether an address is subscribed.

    The form page is shared by all visitors through the page cache, so it
    cannot carry a CSRF token. A forged POST could only request a
    confirmation mail, which subscribes nobody until the link in it is
    followed, and the rate limits cap how many such mails anyone can cause.
    """

    template_name = "newsletter/subscribe.html"
    form_class = SubscriptionForm

    def form_valid(self, form):
        if form.is_bot:
            return redirect("newsletter:subscribe-done")
        email = form.cleaned_data["email"]
        ip_address = client_ip(self.request)
        if services.subscription_rate_limited(email, ip_address):
            form.add_error(
                None,
                _(
                    "There have been too many attempts to subscribe. "
                    "Please try again in an hour."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        try:
            services.request_subscription(
                email,
                language=form.cleaned_data["language"],
                consent_version=CONSENT_VERSION,
                consent_language=get_language(),
            )
        except (smtplib.SMTPException, OSError):
            logger.exception("The CKnews confirmation mail could not be sent.")
            form.add_error(
                None,
                _(
                    "We could not send the confirmation e-mail just now. "
                    "Please try again later."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=503)
        return redirect("newsletter:subscribe-done")


class SubscribeDoneView(TemplateView):
    template_name = "newsletter/subscribe_done.html"


def invalid_link(request, error):
    return render(
        request,
        "newsletter/link_invalid.html",
        {"expired": isinstance(error, ExpiredToken)},
        status=400,
    )


class ConfirmView(View):
    """Opening the link only shows a button: mail scanners open every link,
    and only a person's POST may confirm."""

    template_name = "newsletter/confirm.html"

    def dispatch(self, request, token):
        try:
            self.subscriber = read_confirmation_token(token)
        except InvalidToken as error:
            return invalid_link(request, error)
        if self.subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return invalid_link(request, InvalidToken())
        return super().dispatch(request, token)

    def get(self, request, token):
        return render(request, self.template_name, {"subscriber": self.subscriber})

    def post(self, request, token):
        confirmed_now = services.confirm_subscription(self.subscriber)
        return render(
            request,
            "newsletter/confirm_done.html",
            {"confirmed_now": confirmed_now},
        )


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """Unsubscribing from the link in a mail: the page's button, or the
    one-click POST of RFC 8058 that mail clients send without a CSRF token.
    The signed token is the authority, so no token of the site's own forms
    is needed, and an unsubscribe is harmless to replay."""

    def dispatch(self, request, token):
        try:
            self.subscriber = read_unsubscribe_token(token)
        except InvalidToken as error:
            return invalid_link(request, error)
        return super().dispatch(request, token)

    def get(self, request, token):
        return render(
            request, "newsletter/unsubscribe.html", {"subscriber": self.subscriber}
        )

    def post(self, request, token):
        services.unsubscribe(self.subscriber)
        return render(request, "newsletter/unsubscribe_done.html")


# --- News ------------------------------------------------------------------


class NewsListView(ListView):
    template_name = "newsletter/newsitem_list.html"
    context_object_name = "news_items"
    paginate_by = 10

    def get_queryset(self):
        return NewsItem.objects.for_list()


class NewsDetailView(DetailView):
    """One news item, at the URL with its title in the current language."""

    template_name = "newsletter/newsitem_detail.html"
    context_object_name = "news_item"

    def get_queryset(self):
        if self.request.user.is_staff:
            return NewsItem.objects.select_related("issue")
        return NewsItem.objects.for_list()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if kwargs["slug"] != self.object.slug:
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        context = self.get_context_data(
            object=self.object, translated_object=self.object
        )
        return self.render_to_response(context)
