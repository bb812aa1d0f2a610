"""Replay and record: every httpx request served from (or saved into) a vcrpy cassette.

vcrpy patches httpx's own transports, so a cassette answers from beneath the fetcher's caps and
address guard. Recording never stores cookies, auth headers or API keys (`SECRET_HEADERS`,
`SECRET_PARAMS`), and a cassette recorded without keys answers requests that carry them. A
request a replay cassette lacks raises vcrpy's exception, which `is_missing` recognises.
"""

from __future__ import annotations

import contextlib
import json
import urllib.parse
from collections.abc import Iterator
from typing import Literal

import vcr
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.persisters.filesystem import FilesystemPersister

from ..errors import CassetteError

CassetteMode = Literal["replay", "record"]

# Never written to a cassette: request and response headers, and query parameters.
SECRET_HEADERS = (
    "cookie",
    "set-cookie",
    "authorization",
    "proxy-authorization",
    "x-subscription-token",
    "deepl-auth-key",
    "x-api-key",
    "api-key",
    "x-goog-api-key",
    "ocp-apim-subscription-key",
)
SECRET_PARAMS = ("key", "api_key", "apikey", "token", "access_token", "auth_key", "client_secret")


def is_missing(exc: BaseException) -> bool:
    """Whether `exc` says a replay cassette holds no answer for the request just made."""
    return isinstance(exc, CannotOverwriteExistingCassetteException)


NOT_A_CASSETTE = "not a vcrpy cassette (a YAML file of recorded 'interactions')"


class _ReplayPersister(FilesystemPersister):
    """vcrpy treats a missing or broken cassette as empty; for replay that is an input error."""

    @classmethod
    def load_cassette(cls, cassette_path, serializer):
        try:
            loaded = super().load_cassette(cassette_path, serializer)
        except FileNotFoundError as exc:  # vcrpy's CassetteNotFoundError: missing or empty
            raise CassetteError(f"{cassette_path}: no such cassette, or it is empty") from exc
        except Exception as exc:  # YAML that is no cassette: the parser's words help nobody
            raise CassetteError(f"{cassette_path}: {NOT_A_CASSETTE}") from exc
        if not loaded[0]:
            raise CassetteError(f"{cassette_path}: the cassette holds no interactions")
        return loaded


def _drop_response_secrets(response: dict) -> dict:
    headers = response.get("headers") or {}
    response["headers"] = {k: v for k, v in headers.items() if k.lower() not in SECRET_HEADERS}
    return response


def scrub_uri(uri: str) -> str:
    """`uri` without secret query parameters, its query re-encoded one canonical way."""
    parts = urllib.parse.urlsplit(uri)
    if not parts.query:
        return uri
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in SECRET_PARAMS]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept)))


def _same_uri_without_secrets(r1, r2) -> None:
    """vcrpy matcher: URIs equal once secret parameters are gone, so a cassette recorded without
    keys answers a request that carries them (and an older one recorded with keys still does)."""
    assert scrub_uri(r1.uri) == scrub_uri(r2.uri), f"{r1.uri} != {r2.uri}"


def _body_without_secrets(body: bytes | str | None) -> object:
    """A request body to compare: JSON without secret keys (LibreTranslate's api_key travels in
    the body), or the raw bytes."""
    raw = body.encode() if isinstance(body, str) else (body or b"")
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k.lower() not in SECRET_PARAMS}
    return data


def _same_body_without_secrets(r1, r2) -> None:
    """vcrpy matcher: POSTs (translator calls, all to one URL) match on their body; GETs on the
    URI alone, as they were recorded."""
    if r1.method.upper() == "GET" and r2.method.upper() == "GET":
        return
    assert _body_without_secrets(r1.body) == _body_without_secrets(r2.body), "bodies differ"


@contextlib.contextmanager
def cassette(path: str, mode: CassetteMode = "replay") -> Iterator[None]:
    """Serve every httpx request from a vcrpy cassette ("replay") or save them to one ("record").

    Replay checks the file up front (CassetteError) and answers a request it lacks with vcrpy's
    CannotOverwriteExistingCassetteException, which the fetcher reports as `not_in_cassette`.
    Recording drops cookies, auth headers and API-key headers and query parameters.
    """
    if mode not in ("replay", "record"):
        raise CassetteError(f"unknown cassette mode {mode!r}: use replay or record")
    recorder = vcr.VCR(
        record_mode="none" if mode == "replay" else "all",
        match_on=["method", "uri_without_secrets", "body_without_secrets"],
        decode_compressed_response=True,
        filter_headers=list(SECRET_HEADERS),
        filter_query_parameters=list(SECRET_PARAMS) if mode == "record" else [],
        filter_post_data_parameters=list(SECRET_PARAMS) if mode == "record" else [],
        before_record_response=_drop_response_secrets,
    )
    recorder.register_matcher("uri_without_secrets", _same_uri_without_secrets)
    recorder.register_matcher("body_without_secrets", _same_body_without_secrets)
    if mode == "replay":
        recorder.register_persister(_ReplayPersister)
    with recorder.use_cassette(str(path)):
        yield
