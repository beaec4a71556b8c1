"""The base of every error the domain raises about bad input."""


class DomainError(ValueError):
    """Bad input, described in plain English; ``key`` is a stable id the UI translates.

    The message never contains a secret: callers pass only what the person typed.
    """

    key = "domain-error"

    def __init__(self, message: str, *, value: str = "") -> None:
        super().__init__(message)
        self.value = value
