"""Exit codes and the one error type a command raises for bad input."""

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Printed as one plain line on stderr; the process exits with ``exit_code``."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code
