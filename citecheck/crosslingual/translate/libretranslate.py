"""LibreTranslate: the open-source translation server, self-hosted or a public instance.

POST {LIBRETRANSLATE_URL}/translate with a JSON body `{"q": [texts], "source": "es", "target":
"en", "format": "text", "api_key": "..."}`; the answer is `{"translatedText": [translations]}`
(a list for a list of texts), an error `{"error": "..."}` with HTTP 400/403/429/500. The key is
optional (a self-hosted server usually needs none) and travels in the body, never in the URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from .base import Translator

ENV_URL = "LIBRETRANSLATE_URL"
ENV_KEY = "LIBRETRANSLATE_API_KEY"


class LibreTranslate(Translator):
    name = "libretranslate"
    env_vars = (ENV_URL,)
    url_var, key_var = ENV_URL, ENV_KEY
    description = "LibreTranslate server (LIBRETRANSLATE_URL, optional LIBRETRANSLATE_API_KEY)"

    def request(self, texts: Sequence[str], source: str | None, target: str) -> httpx.Request:
        body: dict[str, Any] = {
            "q": list(texts),
            "source": (source or "auto").lower(),
            "target": target.lower(),
            "format": "text",
        }
        if self._get(ENV_KEY):
            body["api_key"] = self._get(ENV_KEY)
        url = self._get(ENV_URL).rstrip("/")
        if not url.endswith("/translate"):
            url += "/translate"
        return httpx.Request("POST", url, json=body, headers={"Accept": "application/json"})

    def decode(self, data: Any, count: int) -> list[str]:
        out = data["translatedText"]
        if isinstance(out, str):  # an older server answers one string for a one-item list
            out = [out]
        return list(out)
