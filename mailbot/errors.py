"""The exception tree: configuration errors are kept apart from runtime errors."""


class MailbotError(Exception):
    """Base class of every error mailbot raises on purpose."""


class ConfigError(MailbotError):
    """A configuration file is missing, unreadable or holds a bad value.

    The message always names the file and, where there is one, the key. For a file the
    configuration points to (a registry such as the forum registry), ``via`` is the configuration
    key that points to it and ``key`` the entry and field inside it:
    ``config/fora.toml (parsing.fora): forum[3].level: ...``.
    """

    def __init__(self, message: str, *, path: object = None, key: str | None = None, via: str | None = None) -> None:
        where = str(path) if path is not None else "configuration"
        if via:
            where += f" ({via})"
        if key:
            where += f": {key}"
        super().__init__(f"{where}: {message}")
        self.reason = message
        self.path = path
        self.key = key
        self.via = via


class UsageError(MailbotError):
    """A command was asked for something it refuses or cannot use (a moment, a file); the
    command line exits with status 2, as for a bad option."""


class SourceError(MailbotError):
    """The mail source (Maildir, IMAP, Exchange) cannot be read or changed."""


class SendError(MailbotError):
    """An outgoing mail could not be handed over.

    ``permanent`` is True when retrying cannot help (an SMTP 5xx reply, a refused recipient).
    ``uncertain`` is True when the transport may have accepted the mail all the same (the
    connection broke or timed out after the SMTP message data was sent): it must not be sent
    again blindly.
    """

    def __init__(self, message: str, *, permanent: bool = False, uncertain: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.uncertain = uncertain


class StoreError(MailbotError):
    """The record store cannot be read or written."""


class TransitionError(MailbotError):
    """A participation record was asked to make a transition its state does not allow."""
