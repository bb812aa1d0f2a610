"""DeepL API: POST /v2/translate with `Authorization: DeepL-Auth-Key <key>`.

The key comes from $DEEPL_API_KEY; a Free API key ends in ":fx" and is sent to api-free.deepl.com,
any other to api.deepl.com. The JSON body is `{"text": [texts], "source_lang": "ES",
"target_lang": "EN-US"}` and the answer `{"translations": [{"detected_source_language": "ES",
"text": "..."}]}`, one per text in order. Errors: 403 (bad key), 429 (too many requests), 456
(quota exceeded), with `{"message": "..."}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from .base import Translator

ENV_KEY = "DEEPL_API_KEY"
ENV_URL = "DEEPL_API_URL"  # optional: a proxy or another DeepL host (default: by the key)
PRO = "https://api.deepl.com/v2/translate"
FREE = "https://api-free.deepl.com/v2/translate"
# Target languages DeepL wants with a variant; sources are plain upper-case ISO 639-1.
_TARGET = {"en": "EN-US", "pt": "PT-PT", "zh": "ZH-HANS"}


class DeepL(Translator):
    name = "deepl"
    env_vars = (ENV_KEY,)
    url_var, key_var = ENV_URL, ENV_KEY
    description = "DeepL API (DEEPL_API_KEY; ':fx' keys use the Free API)"

    @property
    def endpoint(self) -> str:
        if base := self._get(ENV_URL).rstrip("/"):
            return base if base.endswith("/v2/translate") else base + "/v2/translate"
        return FREE if self._get(ENV_KEY).endswith(":fx") else PRO

    def request(self, texts: Sequence[str], source: str | None, target: str) -> httpx.Request:
        body: dict[str, Any] = {"text": list(texts)}
        if source:
            body["source_lang"] = source.split("-")[0].upper()
        body["target_lang"] = _TARGET.get(target.lower(), target.upper())
        headers = {
            "Authorization": f"DeepL-Auth-Key {self._get(ENV_KEY)}",
            "Accept": "application/json",
        }
        return httpx.Request("POST", self.endpoint, json=body, headers=headers)

    def decode(self, data: Any, count: int) -> list[str]:
        return [t["text"] for t in data["translations"]]
