"""What the user names as drafts: files, folders (read recursively) and `-` for standard input.

A run over several drafts reads every one it can: one that cannot be read (missing, empty,
binary, a PDF) is set aside with its reason, never the end of the run for the others. The
caller decides what an unreadable draft costs: the CLI reports the rest and exits 2, the
library's `check()` raises the first one's InputError.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from .document import MAX_DRAFT_BYTES, decode, load, load_text
from .errors import InputError
from .model import Document, Unreadable

STDIN = "-"
STDIN_NAME = "<stdin>"
# What a folder's drafts are: Markdown, plain text and HTML, by their file name's ending.
DRAFT_SUFFIXES = frozenset(
    (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text", ".html", ".htm", ".xhtml")
)


def _in_folder(folder: Path) -> list[Path]:
    """The drafts under `folder`, sorted by path, hidden files and folders skipped (a `.git`
    holds no drafts) and symbolic links to folders not followed (no loop)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / name
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in DRAFT_SUFFIXES
        ]
    return sorted(found)


def expand(paths: Iterable[str | Path]) -> list[str | Path | Unreadable]:
    """Each path as given, a folder replaced by the drafts in it (an Unreadable for a folder
    with none), `-` kept for standard input."""
    out: list[str | Path | Unreadable] = []
    for path in paths:
        if str(path) != STDIN and Path(path).is_dir():
            inside = _in_folder(Path(path))
            out += inside or [Unreadable(str(path), "no drafts (.md, .txt, .html) in this folder")]
        else:
            out.append(path)
    return out


def load_stdin(stream: BinaryIO | None = None) -> Document:
    """The draft on standard input (HTML if it looks like HTML, else Markdown, of which plain
    text is a case), read no further than the size limit."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(MAX_DRAFT_BYTES + 1)
    if len(data) > MAX_DRAFT_BYTES:
        raise InputError(f"{STDIN_NAME}: larger than {MAX_DRAFT_BYTES // 1_000_000} MB")
    if data.startswith(b"%PDF-"):
        raise InputError(f"{STDIN_NAME}: a PDF file; paste or save its text and check that")
    got = decode(data, STDIN_NAME)
    if not got.text.strip():
        raise InputError(f"{STDIN_NAME}: the draft is empty")
    head = got.text[:2000].lstrip().lower()
    fmt = "html" if head.startswith(("<!doctype html", "<html")) else "markdown"
    doc = load_text(got.text, STDIN_NAME, fmt)
    if got.note:
        doc = replace(doc, warnings=(f"{STDIN_NAME}: {got.note}",))
    return doc


def _reason(path: str, exc: InputError) -> str:
    message = str(exc)
    return message[len(path) + 2 :] if message.startswith(f"{path}: ") else message


def load_all(
    paths: Sequence[str | Path], stdin: BinaryIO | None = None
) -> tuple[list[Document], list[Unreadable]]:
    """Every readable draft of `paths` (folders expanded, `-` read once from standard input),
    and every unreadable one with its reason, each in the order given."""
    docs: list[Document] = []
    unreadable: list[Unreadable] = []
    stdin_read = False
    for path in expand(paths):
        if isinstance(path, Unreadable):
            unreadable.append(path)
            continue
        name = STDIN_NAME if str(path) == STDIN else str(path)
        try:
            if str(path) == STDIN:
                if stdin_read:
                    raise InputError(f"{STDIN_NAME}: named twice; standard input is read once")
                stdin_read = True
                docs.append(load_stdin(stdin))
            else:
                docs.append(load(path))
        except InputError as exc:
            unreadable.append(Unreadable(name, _reason(name, exc)))
    return docs, unreadable
