"""A real SMTP server (aiosmtpd) on a free port, with knobs to refuse, drop
or hold messages, for the sending tests."""

import socket
import threading
from collections import Counter
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self):
        self.received = []  # (recipient, message) in the order accepted
        self.refuse = {}  # address -> reply, e.g. "450 4.2.1 Mailbox busy"
        self.drop = set()  # addresses at whose RCPT the connection is cut
        self.on_message = None  # called with each message before the reply
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.drop:
            self.drop.discard(address)
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received.append((address, message))
        if self.on_message:
            self.on_message(message)
        return "250 Message accepted for delivery"

    def counts(self):
        with self.lock:
            return Counter(address for address, _message in self.received)


class SMTPServer:
    def __init__(self):
        self.handler = Handler()
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def email_url(self):
        return f"smtp://127.0.0.1:{self.port}"
