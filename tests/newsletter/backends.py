"""E-mail backends that misbehave on purpose, for the sending tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class CrashingBackend(EmailBackend):
    """Accepts ``accept`` messages (into the outbox), then fails as a mail
    server does that goes away in the middle of a send."""

    accept = 3
    accepted = 0

    def send_messages(self, messages):
        for message in messages:
            if CrashingBackend.accepted >= CrashingBackend.accept:
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            CrashingBackend.accepted += 1
            super().send_messages([message])
        return len(messages)


class RefusingBackend(EmailBackend):
    """Refuses the addresses in ``refused``; accepts all others."""

    refused = set()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.refused:
                raise smtplib.SMTPRecipientsRefused(
                    {address: (550, b"No such user") for address in message.to}
                )
        return super().send_messages(messages)


class BrokenBackend(EmailBackend):
    """A mail server that cannot be reached at all."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("Connection refused")
