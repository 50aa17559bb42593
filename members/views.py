from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, gettext
from django.views.generic import DetailView, FormView, ListView, TemplateView

from cluster_portal import regions
from cluster_portal.background import enqueue_once
from cluster_portal.storage import DISK_FULL_MESSAGE, is_disk_full
from events.models import Event
from events.structured_data import json_ld

from . import services, structured_data, tasks
from .forms import OrganizationChangeForm, OrganizationFilterForm
from .models import Organization
from .signals import directory_version

# Seconds after which a visitor waiting for the PDF may ask again.
BROCHURE_RETRY_AFTER = 15
# The Clusteratlas's list, a region of its page (cluster_portal/regions.py).
DIRECTORY_TEMPLATE = "members/includes/directory.html"
# The past events an organisation's page lists, latest first.
PAST_EVENTS = 20


class OrganizationListView(ListView):
    """The Clusteratlas: search, filters, sorting and pages, all in the URL."""

    template_name = "members/organization_list.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.list_context())

    def list_context(self):
        """The context of the list itself; Http404 for a page out of range."""
        self.filter_form = OrganizationFilterForm(self.request.GET or None)
        self.object_list = self.get_queryset()
        return self.get_context_data()

    def get_queryset(self):
        """Only the keys: the cards come from the cache (``{% cards %}``)."""
        organizations = self.filter_form.apply(Organization.objects.published())
        return organizations.values_list("pk", named=True)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=self.filter_form,
            card_source=Organization.objects.for_directory(),
            query_without_page=query.urlencode(),
            **services.directory_summary(),
            **kwargs,
        )


def directory_context(request):
    """The list's context for the query string; its form errors are shown
    on the page, so it is always valid."""
    view = OrganizationListView()
    view.setup(request)
    return view.list_context(), True


# The Clusteratlas's list alone, for a visitor's miss on its page.
render_directory = regions.template_renderer(DIRECTORY_TEMPLATE, directory_context)


class OrganizationDetailView(DetailView):
    template_name = "members/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.published().prefetch_related("sectors", "people")

    def get_context_data(self, **kwargs):
        organization = self.object
        events = Event.objects.published().upcoming().for_organizer(organization)
        past_events = Event.objects.published().past().involving(organization)
        data = structured_data.organization_page_data(
            organization, self.request.build_absolute_uri
        )
        return super().get_context_data(
            can_edit=services.is_member_of(self.request.user, organization),
            events=events[:10],
            past_events=past_events.with_related()[:PAST_EVENTS],
            json_ld=json_ld(data),
            translated_object=organization,
            **kwargs,
        )


class BrochureView(TemplateView):
    """All published organisations grouped by kind, laid out for printing."""

    template_name = "members/brochure.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            groups=services.organizations_by_kind(),
            today=timezone.localdate(),
            **kwargs,
        )


def brochure_pdf(request):
    """The same overview as a PDF, rebuilt in the background whenever the
    directory changes; until the new one is ready, a page says so."""
    language = get_language()
    version = directory_version()
    name = tasks.brochure_name(language, version)
    if default_storage.exists(name):
        filename = f"clusteratlas-{timezone.localdate():%Y-%m-%d}.pdf"
        return FileResponse(
            default_storage.open(name, "rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    enqueue_once(tasks.build_brochure, language, version)
    response = render(request, "members/brochure_pending.html", status=202)
    response["Retry-After"] = str(BROCHURE_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class OrganizationEditView(LoginRequiredMixin, FormView):
    """A member proposes changes to their own organisation's entry."""

    template_name = "members/organization_edit.html"
    form_class = OrganizationChangeForm

    def dispatch(self, request, *args, **kwargs):
        self.organization = get_object_or_404(
            Organization.objects.published(), slug=kwargs["slug"]
        )
        if request.user.is_authenticated and not services.is_member_of(
            request.user, self.organization
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return services.change_form_initial(self.organization)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organization=self.organization,
            pending=services.pending_change(self.organization),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.submit_change(self.organization, self.request.user, form)
        except OSError as error:
            if not is_disk_full(error):
                raise
            form.add_error("logo", DISK_FULL_MESSAGE)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext(
                "Thank you. Your changes will appear once the cluster management "
                "has approved them."
            ),
        )
        return redirect(self.organization)
