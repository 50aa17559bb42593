"""The Clusteratlas as downloads (CSV, JSON, JSON-LD, vCard) and as a map.

The downloads and the map take the list's own filter form from the query
string, so they hold exactly what the list shows.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import TemplateView

from . import actor_map, open_data, vcard
from .forms import OrganizationFilterForm
from .models import OpenDataSettings, Organization


def _filtered(request):
    form = OrganizationFilterForm(request.GET or None)
    return form, form.apply(Organization.objects.for_directory())


def _download(content, content_type, filename, licence=None):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if licence:
        response["Link"] = f'<{licence["url"]}>; rel="license"'
    return response


def _filename(extension):
    return f"clusteratlas-{timezone.localdate():%Y-%m-%d}.{extension}"


def directory_csv(request):
    _, organizations = _filtered(request)
    licence = open_data.licence_of(OpenDataSettings.load())
    text = open_data.directory_csv(organizations, request.build_absolute_uri)
    return _download(text, "text/csv; charset=utf-8", _filename("csv"), licence)


def directory_json(request):
    _, organizations = _filtered(request)
    licence = open_data.licence_of(OpenDataSettings.load())
    data = open_data.directory_json(
        organizations,
        request.build_absolute_uri,
        source=request.build_absolute_uri(),
        licence=licence,
    )
    return _download(
        open_data.to_json(data), "application/json", _filename("json"), licence
    )


def directory_json_ld(request):
    _, organizations = _filtered(request)
    licence = open_data.licence_of(OpenDataSettings.load())
    data = open_data.directory_graph(
        organizations,
        request.build_absolute_uri,
        source=request.build_absolute_uri(),
        licence=licence,
        language=get_language(),
    )
    return _download(
        open_data.to_json(data), "application/ld+json", _filename("jsonld"), licence
    )


def organization_vcard(request, slug):
    organization = get_object_or_404(Organization.objects.for_directory(), slug=slug)
    page_url = request.build_absolute_uri(organization.get_absolute_url())
    return _download(
        vcard.organization_vcard(organization, page_url),
        "text/vcard; charset=utf-8",
        f"{organization.slug}.vcf",
    )


class ActorMapView(TemplateView):
    """The filtered directory's organisations with coordinates, on a map."""

    template_name = "members/actor_map.html"

    def get_context_data(self, **kwargs):
        form, organizations = _filtered(self.request)
        markers = actor_map.markers(organizations)
        area = actor_map.frame()
        query = self.request.GET.copy()
        query.pop("page", None)  # the map has no pages; the list starts anew
        return super().get_context_data(
            filter_form=form,
            query=query.urlencode(),
            markers=markers,
            unmapped=organizations.count() - len(markers),
            outlines=actor_map.state_outlines(),
            width=actor_map.WIDTH,
            height=area.height,
            **kwargs,
        )
