import pytest

from events.models import Event


@pytest.fixture
def no_events(db):
    """The calendar without the demo events, for tests that count."""
    Event.objects.all().delete()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "events-editor", "editor@example.org", "a-long-password-for-tests"
    )
