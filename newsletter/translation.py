from modeltranslation.translator import TranslationOptions, register

from .models import Article, Issue, NewsItem


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("theme", "editorial")
    required_languages = {"de": ("theme",)}


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("de",)


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "teaser", "body", "image_alt")
    required_languages = {"de": ("title", "teaser")}
