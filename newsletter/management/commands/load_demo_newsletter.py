from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from newsletter.demo_data import ISSUES, NEWS
from newsletter.models import Article, Issue, NewsItem
from newsletter.pdf import simple_pdf


class Command(BaseCommand):
    help = (
        "Create the demo CKnews issues (each with its articles and a small "
        "generated PDF) and the demo news items, in German and English. "
        "Existing issues (by number) and news items (by German title) are left "
        "alone, so running it twice changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            issues = sum(self.create_issue(demo) for demo in ISSUES)
            news = sum(self.create_news_item(demo) for demo in NEWS)
        self.stdout.write(
            f"CKnews: {issues} issues and {news} news items created, "
            "the rest already there."
        )

    def create_issue(self, demo):
        issue, created = Issue.objects.get_or_create(
            number=demo.number,
            defaults={
                "year": demo.year,
                "quarter": demo.quarter,
                "published_on": demo.published_on,
                "is_published": True,
                "theme_de": demo.theme_de,
                "theme_en": demo.theme_en,
                "editorial_de": demo.editorial_de,
                "editorial_en": demo.editorial_en,
            },
        )
        if not created:
            return 0
        for order, article in enumerate(demo.articles, start=1):
            Article.objects.create(
                issue=issue,
                order=order,
                title_de=article.title_de,
                title_en=article.title_en,
                body_de=article.body_de,
                body_en=article.body_en,
            )
        lines = [
            f"{demo.quarter}. Quartal {demo.year}",
            "",
            *[article.title_de for article in demo.articles],
            "",
            "Fiktive Beispielausgabe aus den Demo-Inhalten des Portals.",
        ]
        pdf = simple_pdf(f"CKnews {demo.number}: {demo.theme_de}", lines)
        issue.pdf.save(f"cknews-{demo.number}.pdf", ContentFile(pdf))
        return 1

    def create_news_item(self, demo):
        if NewsItem.objects.filter(title_de=demo.title_de).exists():
            return 0
        issue = None
        if demo.issue_number:
            issue = Issue.objects.filter(number=demo.issue_number).first()
        NewsItem.objects.create(
            date=demo.date,
            title_de=demo.title_de,
            title_en=demo.title_en,
            teaser_de=demo.teaser_de,
            teaser_en=demo.teaser_en,
            body_de=demo.body_de,
            body_en=demo.body_en,
            issue=issue,
        )
        return 1
