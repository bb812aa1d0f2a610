"""What citecheck raises to its caller: one base class, one kind per thing the user must fix.

Each message is one line that names the file, option or key at fault, so the CLI prints it as it
is (exit 2) and a script can show it to its own user. Everything else that goes wrong inside a
run (a source that fails, a quote that cannot be checked) becomes a Finding with a reason.
"""

from __future__ import annotations


class CitecheckError(ValueError):
    """Base of citecheck's errors (a ValueError, so older callers' handlers still apply)."""


class InputError(CitecheckError):
    """A draft or a list the user gave cannot be read: missing, binary, undecodable, too large."""


class CassetteError(CitecheckError):
    """A replay cassette that is missing, unreadable or not a vcrpy cassette."""


class ConfigError(CitecheckError):
    """A configuration file, option or setting that is not valid. `setting` names the Options
    field at fault (so the CLI can name its flag), None for a config file's own errors."""

    def __init__(self, message: str, *, setting: str | None = None):
        super().__init__(message)
        self.setting = setting
