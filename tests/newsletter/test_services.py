"""Small helpers: rate limits, client addresses, plain text of rich text."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from cluster_portal.throttle import client_ip, rate_limit_exceeded
from newsletter.html import sanitize_html
from newsletter.models import Article, Issue, NewsItem
from newsletter.pdf import simple_pdf
from newsletter.templatetags.newsletter_tags import html_to_text


def test_the_rate_limit_counts_attempts_per_identifier():
    answers = [rate_limit_exceeded("test", "a@example.org", 3, 60) for _ in range(5)]

    assert answers == [False, False, False, True, True]
    assert rate_limit_exceeded("test", "b@example.org", 3, 60) is False


def test_the_rate_limit_ignores_the_case_of_addresses():
    rate_limit_exceeded("test", "Case@Example.org", 1, 60)

    assert rate_limit_exceeded("test", "case@example.org", 1, 60) is True


def test_the_rate_limit_starts_afresh_in_the_next_window(monkeypatch):
    moment = [1_000_000.0]
    monkeypatch.setattr("newsletter.services.time.time", lambda: moment[0])
    for _ in range(3):
        rate_limit_exceeded("test", "c@example.org", 2, 60)
    assert rate_limit_exceeded("test", "c@example.org", 2, 60) is True

    moment[0] += 60

    assert rate_limit_exceeded("test", "c@example.org", 2, 60) is False


def test_the_rate_limit_keeps_addresses_out_of_the_cache(monkeypatch):
    keys = []
    from django.core.cache import cache

    original = cache.add
    monkeypatch.setattr(
        cache,
        "add",
        lambda key, *args, **kw: keys.append(key) or original(key, *args, **kw),
    )

    rate_limit_exceeded("email", "secret@example.org", 3, 60)

    assert keys and all("secret" not in key for key in keys)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (2, "203.0.113.9", "10.0.0.1"),
    ],
)
def test_the_client_ip_trusts_only_the_configured_proxies(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
    )

    assert client_ip(request) == expected


def test_rich_text_keeps_structure_and_loses_anything_dangerous():
    html = sanitize_html(
        '<h2 style="color:red">Titel</h2><p>Text <b>fett</b></p>'
        "<img src=x onerror=alert(1)>"
        '<a href="https://example.org" target="_blank">x</a>'
    )

    assert html == (
        "<h2>Titel</h2><p>Text <b>fett</b></p>"
        '<a href="https://example.org" rel="noopener noreferrer">x</a>'
    )


def test_rich_text_becomes_readable_plain_text():
    text = html_to_text(
        '<p>Erster Absatz mit <a href="https://example.org/?a=1&amp;b=2">Link</a>.'
        "</p><ul><li>eins</li><li>zwei</li></ul><p>Grüße &amp; mehr</p>"
    )

    assert "Erster Absatz mit Link (https://example.org/?a=1&b=2)." in text
    assert "- eins" in text and "- zwei" in text
    assert text.endswith("Grüße & mehr")
    assert "<" not in text


def test_the_generated_pdf_is_well_formed():
    pdf = simple_pdf("CKnews 1: Kreislauf – Größe", ["Zeile (eins)"])

    assert pdf.startswith(b"%PDF-1.4")
    assert pdf.rstrip().endswith(b"%%EOF")
    startxref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[startxref:].startswith(b"xref")
    assert "Größe".encode("cp1252") in pdf
    assert b"\\(eins\\)" in pdf


@pytest.mark.django_db
def test_the_demo_content_is_complete_and_loading_it_again_changes_nothing():
    counts = (Issue.objects.count(), Article.objects.count(), NewsItem.objects.count())
    output = StringIO()

    call_command("load_demo_newsletter", stdout=output)

    assert "0 issues and 0 news items created" in output.getvalue()
    assert (
        Issue.objects.count(),
        Article.objects.count(),
        NewsItem.objects.count(),
    ) == counts
    assert counts[0] >= 5 and counts[2] >= 20
    for issue in Issue.objects.filter(number__lte=5):
        assert issue.pdf.name.endswith(".pdf")
        assert issue.theme_de and issue.theme_en and issue.articles.count() >= 2
    # One demo item is German only on purpose (the translation view shows it).
    german_only = NewsItem.objects.filter(title_en="").values_list(
        "title_de", flat=True
    )
    assert list(german_only) == [
        "Neue Ausbildungswerkstatt für Verfahrensmechaniker in Zeitz"
    ]


@pytest.mark.django_db
def test_the_demo_pdf_files_are_written_through_the_storage(tmp_path):
    Issue.objects.filter(number__lte=5).delete()

    call_command("load_demo_newsletter", stdout=StringIO())

    issue = Issue.objects.get(number=1)
    with issue.pdf.open("rb") as pdf:
        assert pdf.read(8) == b"%PDF-1.4"
