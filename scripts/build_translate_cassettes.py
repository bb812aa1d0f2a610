#!/usr/bin/env python
"""Build cassettes/translate/{deepl,libretranslate,openai}.yaml, the translators' answers.

Each cassette answers the requests one translator back-end makes for two made-up stories (a
Spanish town closing a bridge, a Russian town building one; the places, people and quotes are
invented): every sentence and every pair of adjacent sentences of each story as
`citecheck.crosslingual.windows` cuts them, and all sentences in one request, translated into
English by hand, in the response format the API documents. Then the failures: an HTTP error with
the API's own message (one that echoes the key, which must be redacted), and malformed JSON.
The requests come from the back-ends' own `request()`, so a cassette always matches the code.

    python scripts/build_translate_cassettes.py          # (re)write cassettes/translate/
    python scripts/build_translate_cassettes.py --check  # exit 1 if a committed cassette is stale

Not recorded from any API. Do not edit the YAML by hand: change the data here and re-run.
Replay with match_on method, uri and body: one URL answers every text.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citecheck.crosslingual import split_sentences, windows  # noqa: E402
from citecheck.translate import build  # noqa: E402

OUT = ROOT / "cassettes" / "translate"
FIXTURE_NOTE = "Fixture written for citecheck tests; not a real API response."
HEADER = f"""\
# {FIXTURE_NOTE}
# Written by scripts/build_translate_cassettes.py in the response format the API documents; the
# stories, places and people are invented and the translations were written by hand. Do not edit.
"""

# Fake settings, never real keys.
FIXTURE_ENV = {
    "DEEPL_API_KEY": "fixture-deepl-key:fx",
    "LIBRETRANSLATE_URL": "https://translate.example.org",
    "LIBRETRANSLATE_API_KEY": "fixture-libre-key",
    "OPENAI_BASE_URL": "https://llm.example.net/v1",
    "OPENAI_MODEL": "fixture-translator-7b",
    "OPENAI_API_KEY": "fixture-openai-key",
}
BACKENDS = ("deepl", "libretranslate", "openai")


@dataclass(frozen=True)
class Story:
    lang: str
    url: str
    text: str
    english: dict[str, str]  # sentence -> its hand-made English translation


ES_TEXT = (
    "Valdelobos cierra el puente de Piedra Gris\n\n"
    "El Ayuntamiento de Valdelobos aprobó el martes el cierre del puente de Piedra Gris durante "
    "seis semanas. La alcaldesa, Remedios Quintanar, explicó que las grietas del pilar central "
    "son más profundas de lo previsto. «No vamos a arriesgar la vida de nadie por ahorrar 3.000 "
    "euros», afirmó Quintanar ante el pleno. Los comerciantes de la orilla oeste calculan que "
    "perderán la mitad de sus clientes.\n\n"
    "El ingeniero municipal, Baltasar Oyarzun, dijo que la reparación costará 240.000 euros y "
    "terminará antes de Navidad."
)
ES_ENGLISH = [
    "Valdelobos closes the Piedra Gris bridge",
    "Valdelobos Town Council on Tuesday approved closing the Piedra Gris bridge for six weeks.",
    "The mayor, Remedios Quintanar, explained that the cracks in the central pillar are deeper "
    "than expected.",
    "“We are not going to risk anyone's life to save 3,000 euros,” Quintanar told the plenary "
    "session.",
    "Traders on the west bank estimate that they will lose half of their customers.",
    "The municipal engineer, Baltasar Oyarzun, said that the repair will cost 240,000 euros and "
    "will be finished before Christmas.",
]
RU_TEXT = (
    "Верхнеозёрск построит новый мост\n\n"
    "Городской совет Верхнеозёрска во вторник одобрил строительство нового моста через реку "
    "Тихомирку. Глава совета Аркадий Переверзев заявил, что работы начнутся весной и займут два "
    "года. «Мы не будем повышать налоги ради этого проекта», — подчеркнул Переверзев. Стоимость "
    "строительства оценивается в 450 миллионов рублей.\n\n"
    "Жители левого берега давно жалуются на паромную переправу, которая не работает зимой."
)
RU_ENGLISH = [
    "Verkhneozyorsk will build a new bridge",
    "Verkhneozyorsk City Council on Tuesday approved the construction of a new bridge over the "
    "Tikhomirka River.",
    "Council head Arkady Pereverzev said that the work will begin in spring and take two years.",
    "“We will not raise taxes for the sake of this project,” Pereverzev stressed.",
    "The cost of construction is estimated at 450 million roubles.",
    "Residents of the left bank have long complained about the ferry crossing, which does not "
    "run in winter.",
]


def _story(lang: str, url: str, text: str, english: list[str]) -> Story:
    sents = [s.text for s in split_sentences(text, lang)]
    if len(sents) != len(english):
        raise SystemExit(f"{lang}: {len(sents)} sentences but {len(english)} translations")
    return Story(lang, url, text, dict(zip(sents, english, strict=True)))


STORIES = {
    "es": _story("es", "https://noticias.example.org/valdelobos/puente", ES_TEXT, ES_ENGLISH),
    "ru": _story("ru", "https://novosti.example.net/verkhneozyorsk/most", RU_TEXT, RU_ENGLISH),
}

# Texts whose requests get a failure answer (fictional; each back-end's own error format).
ERROR_TEXT = "Este texto recibe un error del servicio."
MALFORMED_TEXT = "Este texto recibe una respuesta rota."
ERRORS = {
    "deepl": (456, "Quota Exceeded", {"message": "Quota exceeded. The character limit has been "
                                                 "reached."}),
    "libretranslate": (403, "Forbidden", {"error": "Invalid API key"}),
    "openai": (401, "Unauthorized", {"error": {
        "message": "Incorrect API key provided: fixture-openai-key. You can find your API key "
                   "in your account settings.",
        "type": "invalid_request_error", "code": "invalid_api_key"}}),
}  # fmt: skip
MALFORMED = '{"translations": [{"detected_source_language": "ES", "text": "This answer stops'


def translation_of(story: Story, text: str) -> str:
    """The hand-made English of a window: its sentences' translations joined."""
    parts = [en for src, en in story.english.items() if src in text]
    if not parts:
        raise KeyError(text)
    return " ".join(parts)


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def _answer(name: str, texts: list[str], source: str = "es") -> str:
    if name == "deepl":
        return _json({"translations": [{"detected_source_language": source.upper(), "text": t}
                                       for t in texts]})  # fmt: skip
    if name == "libretranslate":
        return _json({"translatedText": texts})
    (text,) = texts
    return _json({
        "id": "chatcmpl-fixture", "object": "chat.completion", "created": 1744286400,
        "model": FIXTURE_ENV["OPENAI_MODEL"],
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    })  # fmt: skip


def _response(status: int, message: str, body: str, ctype: str = "application/json") -> dict:
    return {
        "body": {"string": body},
        "headers": {"Content-Type": [ctype], "X-Fixture": [FIXTURE_NOTE]},
        "status": {"code": status, "message": message},
    }


def _interaction(req, response: dict) -> dict:
    return {
        "request": {
            "body": req.content.decode("utf-8"),
            "headers": {"Content-Type": ["application/json"]},
            "method": req.method,
            "uri": str(req.url),
        },
        "response": response,
    }


def requests_for(name: str, texts: list[str], source: str):
    backend = build(name, FIXTURE_ENV)
    return backend.requests(texts, source, "en")


def build_cassette(name: str) -> dict:
    seen: set[tuple[str, str]] = set()
    interactions = []

    def add(req, response):
        key = (str(req.url), req.content.decode("utf-8"))
        if key not in seen:
            seen.add(key)
            interactions.append(_interaction(req, response))

    for story in STORIES.values():
        groups = [[w.text] for w in windows(story.text, story.lang)]
        groups.append(list(story.english))  # every sentence at once (no embedder)
        for texts in groups:
            for i, (req, count) in enumerate(requests_for(name, texts, story.lang)):
                sent = texts if count == len(texts) else [texts[i]]
                answer = [translation_of(story, t) for t in sent]
                add(req, _response(200, "OK", _answer(name, answer, story.lang)))
    status, message, body = ERRORS[name]
    for req, _ in requests_for(name, [ERROR_TEXT], "es"):
        add(req, _response(status, message, _json(body)))
    for req, _ in requests_for(name, [MALFORMED_TEXT], "es"):
        add(req, _response(200, "OK", MALFORMED))
    interactions.sort(key=lambda i: (i["request"]["uri"], i["request"]["body"]))
    return {"interactions": interactions, "version": 1}


class _Dumper(yaml.SafeDumper):
    """SafeDumper (pure Python, same output everywhere) writing multi-line strings as blocks."""


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def render(name: str) -> str:
    body = yaml.dump(build_cassette(name), Dumper=_Dumper, allow_unicode=True, sort_keys=True,
                     width=100)  # fmt: skip
    return HEADER + body


def cassette_path(name: str) -> Path:
    return OUT / f"{name}.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a cassette is stale")
    args = parser.parse_args(argv)
    stale = []
    for name in BACKENDS:
        path, text = cassette_path(name), render(name)
        rel = path.relative_to(ROOT)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(rel))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {rel}")
    if stale:
        print(f"stale: {', '.join(stale)}; run python scripts/build_translate_cassettes.py",
              file=sys.stderr)  # fmt: skip
        return 1
    if args.check:
        print("cassettes/translate is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
