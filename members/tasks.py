"""Background tasks of the members app."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task

from .brochure import render_brochure_pdf
from .models import Organization

BROCHURE_FOLDER = "clusteratlas"


def brochure_name(language, version):
    """Where the PDF of one directory version in one language is stored."""
    return f"{BROCHURE_FOLDER}/clusteratlas-{language}-{version}.pdf"


@task()
def build_brochure(language, version):
    """Render the Clusteratlas PDF into the media storage, where every host
    finds it, and remove the older ones of that language."""
    name = brochure_name(language, version)
    if not default_storage.exists(name):
        pdf = render_brochure_pdf(
            Organization.objects.for_directory(), language=language
        )
        # Two builds of one version may race; both write the same bytes.
        name = default_storage.save(name, ContentFile(pdf))
    _, files = (
        default_storage.listdir(BROCHURE_FOLDER)
        if default_storage.exists(BROCHURE_FOLDER)
        else ([], [])
    )
    keep = name.rsplit("/", 1)[-1]
    for filename in files:
        if filename.startswith(f"clusteratlas-{language}-") and filename != keep:
            default_storage.delete(f"{BROCHURE_FOLDER}/{filename}")
    return name
