"""Errors that reach the user: each names the input and the reason in one line."""


class LagebildError(Exception):
    """Base class for errors shown to the user without a traceback."""


class InputError(LagebildError):
    """An input could not be read or used; the message names the input and why."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ModelError(LagebildError):
    """The trained analysis pipeline is missing or broken."""
