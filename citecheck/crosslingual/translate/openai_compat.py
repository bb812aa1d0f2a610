"""Any OpenAI-compatible chat endpoint as a translator: OpenAI itself, or a local model server
(llama.cpp, vLLM, Ollama, LM Studio ...) that speaks POST {base}/chat/completions.

Settings: $OPENAI_BASE_URL (e.g. "http://127.0.0.1:8080/v1"), $OPENAI_MODEL, and $OPENAI_API_KEY
(sent as `Authorization: Bearer ...`; a local server may need none). One request per text, with
temperature 0 and a strict prompt: the translation only, every number, negation and name kept.
The answer is `{"choices": [{"message": {"role": "assistant", "content": "..."}}]}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from .base import Translator

ENV_BASE = "OPENAI_BASE_URL"
ENV_MODEL = "OPENAI_MODEL"
ENV_KEY = "OPENAI_API_KEY"
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German",
    "ru": "Russian", "it": "Italian", "uk": "Ukrainian", "pl": "Polish", "nl": "Dutch",
    "ca": "Catalan", "tr": "Turkish", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese",
}  # fmt: skip
PROMPT = (
    "You are a translation engine for fact-checkers. Translate the user's text from {source} "
    "into {target}. Translate faithfully and literally: keep every number, date, negation and "
    "name exactly as the original has it; do not summarise, soften, correct, explain or add "
    "anything. Answer with the translation only, without quotation marks or notes."
)


def language_name(code: str | None) -> str:
    if not code:
        return "the language it is written in"
    return LANGUAGE_NAMES.get(code.lower().split("-")[0], code)


class OpenAICompat(Translator):
    name = "openai"
    env_vars = (ENV_BASE, ENV_MODEL)
    url_var, key_var, model_var = ENV_BASE, ENV_KEY, ENV_MODEL
    description = "OpenAI-compatible chat endpoint (OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_API_KEY)"

    def requests(self, texts: Sequence[str], source: str | None, target: str) -> list:
        return [(self.request([t], source, target), 1) for t in texts]

    def request(self, texts: Sequence[str], source: str | None, target: str) -> httpx.Request:
        (text,) = texts
        body = {
            "model": self._get(ENV_MODEL),
            "temperature": 0,
            "messages": [
                {
                    "role": "system",
                    "content": PROMPT.format(
                        source=language_name(source), target=language_name(target)
                    ),
                },
                {"role": "user", "content": text},
            ],
        }
        headers = {"Accept": "application/json"}
        if self._get(ENV_KEY):
            headers["Authorization"] = f"Bearer {self._get(ENV_KEY)}"
        url = self._get(ENV_BASE).rstrip("/")
        if not url.endswith("/chat/completions"):
            url += "/chat/completions"
        return httpx.Request("POST", url, json=body, headers=headers)

    def decode(self, data: Any, count: int) -> list[str]:
        content = data["choices"][0]["message"]["content"]
        if not isinstance(content, str) or not content.strip():
            raise ValueError("empty message content")
        return [content.strip()]
