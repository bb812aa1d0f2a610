"""What every HTTP client of citecheck shares: the error of a remote API, Retry-After, and an
HTTP error answer said in one line."""

from __future__ import annotations

import email.utils
import json
import re
import time

import httpx


class BackendError(Exception):
    """A remote API (search, archive, fact-check) could not answer: HTTP error, timeout,
    malformed JSON, rate limit, not applicable.

    `reason` is one line for the finding; it never holds a URL (keys travel in some URLs).
    """

    def __init__(self, reason: str, *, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def retry_after(response: httpx.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta or HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def strip_tags(html: str) -> str:
    """Text without the <strong> and other markup some APIs put in it, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]*>", "", html or "").split())


def http_error(response: httpx.Response, name: str | None = None) -> str:
    """An error answer in one line, with the API's own message and no URL query (keys travel
    in some): `HTTP 403 Forbidden from api.example.org: <message>`, or with `name`,
    `deepl: HTTP 403 Forbidden: <message>`."""
    head = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    message = ""
    try:
        data = json.loads(response.text)
        if isinstance(data, dict):
            err = data.get("error")
            message = err.get("message", "") if isinstance(err, dict) else str(err or "")
            message = message or str(data.get("message") or data.get("detail") or "")
    except ValueError:
        message = strip_tags(response.text)
    message = " ".join(str(message).split())[:160]
    where = f"{name}: {head}" if name else f"{head} from {response.url.host}"
    return where + (f": {message}" if message else "")
