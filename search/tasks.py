"""Background tasks of the search app."""

from django_tasks import task

from . import indexing


@task()
def index_document_file(document_pk):
    """Read the text inside a CKreihe file into the index: a large PDF takes
    seconds, so a worker does it, not the editor's request."""
    indexing.index_document_file(document_pk)
