import datetime

import factory
from django.utils import timezone

from newsletter.models import Article, Delivery, Issue, NewsItem, Subscriber


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    number = factory.Sequence(lambda n: 100 + n)
    year = 2025
    quarter = factory.Sequence(lambda n: n % 4 + 1)
    theme_de = factory.Sequence(lambda n: f"Schwerpunkt {n}")
    theme_en = factory.Sequence(lambda n: f"Theme {n}")
    editorial_de = "Liebe Leserinnen und Leser,\n\nein Editorial."
    editorial_en = "Dear readers,\n\nan editorial."
    published_on = datetime.date(2025, 3, 1)
    is_published = True


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    issue = factory.SubFactory(IssueFactory)
    order = factory.Sequence(lambda n: n)
    title_de = factory.Sequence(lambda n: f"Artikel {n}")
    title_en = factory.Sequence(lambda n: f"Article {n}")
    body_de = "<p>Deutscher Text des Artikels.</p>"
    body_en = "<p>English text of the article.</p>"


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    title_de = factory.Sequence(lambda n: f"Meldung Nummer {n}")
    title_en = factory.Sequence(lambda n: f"News item number {n}")
    teaser_de = "Ein kurzer Vorspann."
    teaser_en = "A short teaser."
    body_de = "<p>Der Text der Meldung.</p>"
    body_en = "<p>The text of the item.</p>"
    date = datetime.date(2026, 1, 15)


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "de"
    status = Subscriber.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-11"
    consent_language = "de"


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    issue = factory.SubFactory(IssueFactory)
    subscriber = factory.SubFactory(SubscriberFactory)
    status = Delivery.Status.SENT
    sent_at = factory.LazyFunction(timezone.now)
