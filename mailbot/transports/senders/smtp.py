"""The SMTP sender (smtplib): implicit TLS or STARTTLS, password or XOAUTH2, timeouts.

One SMTP transaction per mail (RFC 5321 §3.3), the connection kept between mails and checked
with NOOP. The envelope sender is the functional mailbox, so bounces come back to it (and land
with a human, as automatic mail). Answers map onto :class:`~mailbot.errors.SendError`:

- a 4xx reply, or a connection lost before the message data was sent: ``permanent=False``, the
  daemon retries with back-off (nothing was accepted, so a retry cannot duplicate);
- a 5xx reply to MAIL, to DATA or to every recipient: ``permanent=True``; a 5xx for some of
  several recipients is logged as an error and the others get the mail;
- no answer after the message data (timeout, lost connection): ``uncertain=True``, the server
  may have accepted it; the daemon resolves it without a blind resend.

``copy_to_mailbox`` adds the functional mailbox as an extra envelope recipient (a blind copy
that adds no header): the copy that comes back into the inbox is mailbot's receipt that the
server accepted the mail (see :mod:`mailbot.daemon`).
"""
from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from typing import TYPE_CHECKING

from mailbot.config import credentials
from mailbot.config.settings import SmtpConfig
from mailbot.errors import ConfigError, SendError
from mailbot.model import OutgoingMail

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

log = logging.getLogger(__name__)

ACCEPTED = (250, 251)


class _SMTP(smtplib.SMTP):
    """An SMTP client that calls ``handover`` right before the message data's final dot goes out
    (RFC 5321 §4.1.1.4)."""

    handover: Callable[[], None] = staticmethod(lambda: None)
    data_sent = False

    def send(self, s: ReadableBuffer | str) -> None:
        """Send ``s`` to the server, calling ``handover`` first if it ends the message data."""
        if isinstance(s, bytes) and s.endswith(b"\r\n.\r\n") and not self.data_sent:
            self.handover()
            self.data_sent = True
        super().send(s)


class _SMTPSSL(_SMTP, smtplib.SMTP_SSL):
    """The same over implicit TLS."""


def connect(config: SmtpConfig) -> _SMTP:
    """A connected, greeted and logged-in SMTP client; raises SendError (temporary)."""
    where = f"SMTP {config.host}:{config.port}"
    try:
        context = credentials.tls_context(config) if config.security != "none" else None
        client: _SMTP
        if config.security == "tls":
            client = _SMTPSSL(config.host, config.port, timeout=config.timeout_seconds, context=context)
        else:
            client = _SMTP(config.host, config.port, timeout=config.timeout_seconds)
        client.ehlo()
        if config.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if config.auth == "password":
            client.login(config.username, credentials.secret(config))
        elif config.auth == "xoauth2":
            response = credentials.xoauth2(config.username, credentials.secret(config))
            client.auth("XOAUTH2", lambda challenge=None: response if challenge is None else "")
        return client
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(f"{where} refused the login of {config.username}: {_reply(exc)}") from exc
    except (smtplib.SMTPException, OSError, ConfigError) as exc:
        raise SendError(f"{where}: {type(exc).__name__}: {exc}") from exc


class SmtpSender:
    """Sends stored mail over SMTP; see :class:`mailbot.transports.senders.MailSender`.

    ``mailbox`` is the functional mailbox's address: the envelope sender, and the blind copy's
    recipient when ``config.copy_to_mailbox`` is set.
    """

    def __init__(self, config: SmtpConfig, mailbox: str) -> None:
        self.config = config
        self.mailbox = mailbox
        self.client: _SMTP | None = None

    def send(self, mail: OutgoingMail, handover: Callable[[], None] = lambda: None) -> None:
        """Send ``mail`` in one SMTP transaction; ``handover`` is called right before the final
        dot of the message data, the moment after which the server may have accepted it."""
        client = self._connection()
        client.handover, client.data_sent = handover, False
        try:
            self._transaction(client, mail)
        except smtplib.SMTPResponseException as exc:  # a DATA that was not answered 354
            self.close()
            raise SendError(f"DATA: {_reply(exc)}", permanent=500 <= exc.smtp_code < 600) from exc
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            if client.data_sent:
                raise SendError(f"no answer from SMTP {self.config.host} after the message data: {exc}",
                                uncertain=True) from exc
            raise SendError(f"SMTP {self.config.host}: {type(exc).__name__}: {exc}") from exc
        except SendError:
            self.close()
            raise

    def _transaction(self, client: _SMTP, mail: OutgoingMail) -> None:
        code, text = client.mail(self.mailbox)
        if code not in ACCEPTED:
            raise _answer("MAIL FROM", code, text)
        refused = {}
        for recipient in mail.recipients:
            code, text = client.rcpt(recipient)
            if code not in ACCEPTED:
                refused[recipient] = (code, text)
        temporary = {r: a for r, a in refused.items() if a[0] < 500}
        if temporary or len(refused) == len(mail.recipients):
            worst = temporary or refused
            raise SendError("; ".join(f"RCPT {r}: {c} {t.decode(errors='replace')}" for r, (c, t) in worst.items()),
                            permanent=not temporary)
        if self.config.copy_to_mailbox and self.mailbox not in mail.recipients:
            code, text = client.rcpt(self.mailbox)
            if code not in ACCEPTED:
                log.warning("the copy of %s to %s was refused (%s %s): a crash while sending cannot "
                            "be resolved by its copy", mail.message_id, self.mailbox, code, text)
        code, text = client.data(mail.raw.encode("ascii"))
        if code not in ACCEPTED:
            raise _answer("end of DATA", code, text)
        for recipient, (code, text) in refused.items():
            log.error("mail %s was not delivered to %s: refused for good (%s %s); the other recipients got it",
                      mail.message_id, recipient, code, text.decode(errors="replace"),
                      extra={"message_id": mail.message_id, "ref": mail.ref})

    def _connection(self) -> _SMTP:
        if self.client is not None:
            try:
                if self.client.noop()[0] == 250:
                    return self.client
            except (smtplib.SMTPException, OSError):
                pass
            self.close()
        self.client = connect(self.config)
        return self.client

    def close(self) -> None:
        """Say QUIT and close the connection (errors ignored)."""
        client, self.client = self.client, None
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}"


def _answer(what: str, code: int, text: bytes) -> SendError:
    """A SendError for an SMTP reply: 5xx is permanent, anything else temporary."""
    return SendError(f"{what}: {code} {text.decode(errors='replace')}", permanent=500 <= code < 600)


def survey(config: SmtpConfig) -> list[str]:
    """Connect and log in, then QUIT (for ``check-config --connect``)."""
    client = connect(config)
    size = client.esmtp_features.get("size", "")
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()
    return [f"smtp: logged in to {config.host}:{config.port} as {config.username or '(no login)'} "
            f"({config.security}, {config.auth})" + (f"; size limit {size} bytes" if size.strip() else "")]
