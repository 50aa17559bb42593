from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from newsletter import services, tasks
from newsletter.models import Delivery, Issue


class Command(BaseCommand):
    help = (
        "Send a CKnews issue to every confirmed subscriber who has not had it "
        "yet, in batches, each in their language. Interrupted sends resume "
        "where they stopped; nobody gets an issue twice. With --background, "
        "queue the send for the worker (run_worker) instead of sending here. "
        "With --preview, send one test mail to the given address instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("number", type=int, help="The issue's number.")
        parser.add_argument(
            "--preview", metavar="EMAIL", help="Send only a preview to this address."
        )
        parser.add_argument(
            "--language",
            choices=["de", "en"],
            default="de",
            help="Language of the preview (default: de).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=None,
            help="Messages per mail server connection.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the send for the background worker and return at once.",
        )
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Try again the subscribers whose delivery failed.",
        )
        parser.add_argument(
            "--retry-uncertain",
            action="store_true",
            help=(
                "Try again deliveries whose outcome is unknown because a send "
                "was killed mid-message (some may then arrive twice)."
            ),
        )

    def handle(self, *args, number, preview, language, batch_size, **options):
        issue = Issue.objects.filter(number=number).first()
        if issue is None:
            raise CommandError(f"There is no CKnews issue {number}.")
        if preview:
            try:
                validate_email(preview)
            except ValidationError as error:
                raise CommandError(f"Not an e-mail address: {preview}") from error
            services.send_preview(issue, preview, language)
            self.stdout.write(f"Preview of CKnews {number} sent to {preview}.")
            return
        if not issue.is_published:
            raise CommandError(f"CKnews {number} is not published yet.")
        statuses = []
        if options["retry_failed"]:
            statuses.append(Delivery.Status.FAILED)
        if options["retry_uncertain"]:
            statuses.append(Delivery.Status.SENDING)
        if statuses:
            count = services.retry_deliveries(issue, statuses)
            self.stdout.write(f"{count} deliveries will be tried again.")
        if options["background"]:
            queued = tasks.start_sending(issue)
            self.stdout.write(
                f"CKnews {number} is queued for the worker."
                if queued
                else f"CKnews {number} is already queued or being sent."
            )
            return

        def report(result):
            progress = services.send_progress(issue)
            self.stdout.write(
                f"  {result.sent} sent, {result.failed} failed; "
                f"{progress.remaining} remaining"
            )

        total = services.send_issue(issue, batch_size=batch_size, on_batch=report)
        progress = services.send_progress(issue)
        self.stdout.write(
            self.style.SUCCESS(
                f"CKnews {number}: {total.sent} sent and {total.failed} failed now; "
                f"altogether {progress.sent} sent, {progress.failed} failed, "
                f"{progress.uncertain} uncertain, {progress.remaining} remaining, "
                f"{progress.deferred} deferred."
            )
        )
