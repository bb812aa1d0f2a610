"""The analysis text of a draft, built piece by piece with the raw offset of every character, so
every finding points back into the file as the user wrote it."""

from __future__ import annotations

from array import array

# 0, 1, 2, ...: the offsets of verbatim text are a slice of it (twenty times faster than
# extending by a range); grown on demand up to 8 MB, longer drafts extend by ranges
_IDENTITY = array("q")
_IDENTITY_MAX = 1 << 20


def _identity(n: int) -> array:
    global _IDENTITY
    if len(_IDENTITY) < n:
        size = 1 << max(16, (n - 1).bit_length())
        _IDENTITY = array("q", range(size))
    return _IDENTITY


class TextBuilder:
    """Accumulates analysis text with a raw offset for every character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("q")
        self.paragraphs: list[tuple[int, int]] = []
        self._para_start = 0
        self._len = 0

    def copy(self, raw: str, start: int, end: int) -> None:
        """Append raw[start:end] verbatim."""
        if end > start:
            self.parts.append(raw[start:end])
            if end <= len(_IDENTITY) or end <= _IDENTITY_MAX:
                self.offsets.extend(_identity(end)[start:end])  # a copy in C, not a loop
            else:
                self.offsets.extend(range(start, end))
            self._len += end - start

    def put(self, chars: str, at: int) -> None:
        """Append synthetic characters (a joining space, an entity) mapped to raw offset `at`."""
        if chars:
            self.parts.append(chars)
            self.offsets.extend([at] * len(chars))
            self._len += len(chars)

    def space(self, at: int) -> None:
        if self._len and not self._last_is_space():
            self.put(" ", at)

    def _last_is_space(self) -> bool:
        return self.parts[-1][-1:] in (" ", "\n") if self.parts else True

    def end_paragraph(self, at: int) -> None:
        """Close the current paragraph (if not empty); a blank line separates the next."""
        # strip trailing spaces from the paragraph
        while self.parts and self.parts[-1].endswith(" ") and self._len > self._para_start:
            self.parts[-1] = self.parts[-1][:-1]
            self.offsets.pop()
            self._len -= 1
        if self._len > self._para_start:
            self.paragraphs.append((self._para_start, self._len))
            self.put("\n\n", at)
            self._para_start = self._len

    def finish(self, raw_len: int) -> tuple[str, array, tuple[tuple[int, int], ...]]:
        self.end_paragraph(raw_len)
        text = "".join(self.parts)
        # drop the final paragraph separator
        if text.endswith("\n\n"):
            text = text[:-2]
            del self.offsets[-2:]
        self.offsets.append(raw_len)
        return text, self.offsets, tuple(self.paragraphs)
