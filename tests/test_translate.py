"""The translator back-ends against cassettes in their APIs' documented formats (success, an HTTP
error, malformed JSON), and against an httpx.MockTransport for what a cassette cannot show
(headers sent, timeouts, request counts). The cassettes are fixtures written by
tests/fixtures/translate_cassettes.py; no test reaches a translator."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import vcr
from fixtures import translate_cassettes as fixtures

from citecheck.crosslingual.translate import TranslateError, bind, build, names, pick
from citecheck.crosslingual.translate import client as translate_client
from citecheck.crosslingual.translate.deepl import FREE, PRO

ROOT = Path(__file__).resolve().parent.parent

ENV = fixtures.FIXTURE_ENV
ES = fixtures.STORIES["es"]
RU = fixtures.STORIES["ru"]


def replay(name: str):
    recorder = vcr.VCR(record_mode="none", match_on=["method", "uri", "body"])
    return recorder.use_cassette(str(fixtures.cassette_path(name)))


def translate(name: str, texts, source="es", env=ENV):
    with replay(name), translate_client() as http:
        return build(name, env).translate(texts, source, "en", http)


def mock(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


# --- the cassettes: success, HTTP error, malformed JSON ----------------------------------------


@pytest.mark.parametrize("name", fixtures.BACKENDS)
def test_success_in_the_documented_format(name):
    sentences = list(ES.english)
    assert translate(name, sentences) == [ES.english[s] for s in sentences]
    ru = list(RU.english)[3]
    assert translate(name, [ru], source="ru") == [RU.english[ru]]


@pytest.mark.parametrize(
    "name, message",
    [
        ("deepl", "deepl: HTTP 456 Quota Exceeded: Quota exceeded. The character limit"),
        ("libretranslate", "libretranslate: HTTP 403 Forbidden: Invalid API key"),
        ("openai", "openai: HTTP 401 Unauthorized: Incorrect API key provided: ***."),
    ],
)
def test_an_http_error_carries_the_apis_message_but_never_the_key(name, message):
    with pytest.raises(TranslateError) as err:
        translate(name, [fixtures.ERROR_TEXT])
    assert str(err.value).startswith(message)
    for secret in ("fixture-openai-key", "fixture-deepl-key", "fixture-libre-key"):
        assert secret not in str(err.value)


@pytest.mark.parametrize("name", fixtures.BACKENDS)
def test_malformed_json_is_a_clear_error(name):
    with pytest.raises(TranslateError, match=rf"^{name} answered something that is not JSON"):
        translate(name, [fixtures.MALFORMED_TEXT])


def test_a_text_the_cassette_lacks_is_a_clear_error():
    with pytest.raises(TranslateError, match="the replay cassette holds no answer from deepl"):
        translate("deepl", ["Un texto que nadie tradujo."])


def test_cassettes_are_labelled_fixtures():
    for name in fixtures.BACKENDS:
        text = fixtures.cassette_path(name).read_text(encoding="utf-8")
        assert text.startswith(f"# {fixtures.FIXTURE_NOTE}")


# --- requests: what each back-end sends ----------------------------------------------------------


def test_deepl_sends_the_key_in_its_header_to_the_host_the_key_belongs_to():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        texts = json.loads(request.content)["text"]
        return httpx.Response(200, json={"translations": [{"text": t.upper()} for t in texts]})

    with mock(answer) as http:
        free = build("deepl", {"DEEPL_API_KEY": "abc-123:fx"})
        assert free.translate(["hola", "adiós"], "es", "en", http) == ["HOLA", "ADIÓS"]
        build("deepl", {"DEEPL_API_KEY": "abc-123"}).translate(["olá"], "pt", "en", http)
        build("deepl", {"DEEPL_API_KEY": "abc-123"}).translate(["hello"], "en", "pt", http)
    assert str(seen[0].url) == FREE and str(seen[1].url) == PRO
    assert seen[0].headers["Authorization"] == "DeepL-Auth-Key abc-123:fx"
    assert json.loads(seen[0].content) == {
        "text": ["hola", "adiós"],
        "source_lang": "ES",
        "target_lang": "EN-US",
    }
    assert json.loads(seen[2].content)["target_lang"] == "PT-PT"
    assert "abc-123" not in str(seen[0].url)


def test_libretranslate_puts_the_optional_key_in_the_body_never_the_url():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"translatedText": ["hi"]})

    with mock(answer) as http:
        keyed = {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000/", "LIBRETRANSLATE_API_KEY": "k-42"}
        build("libretranslate", keyed).translate(["hola"], "es", "en", http)
        build("libretranslate", {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000"}).translate(
            ["hola"], None, "en", http
        )
    assert str(seen[0].url) == "http://127.0.0.1:5000/translate"
    assert json.loads(seen[0].content) == {
        "q": ["hola"],
        "source": "es",
        "target": "en",
        "format": "text",
        "api_key": "k-42",
    }
    assert "api_key" not in json.loads(seen[1].content)
    assert json.loads(seen[1].content)["source"] == "auto"


def test_openai_asks_once_per_text_at_temperature_zero_with_a_strict_prompt():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        text = json.loads(request.content)["messages"][1]["content"]
        return httpx.Response(200, json={"choices": [{"message": {"content": f" <{text}>\n"}}]})

    env = {"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "OPENAI_MODEL": "local-7b"}
    with mock(answer) as http:
        out = build("openai", env).translate(["uno", "dos"], "es", "en", http)
        build("openai", {**env, "OPENAI_API_KEY": "sk-test"}).translate(["tres"], "es", "en", http)
    assert out == ["<uno>", "<dos>"]
    assert len(seen) == 3 and str(seen[0].url) == "http://127.0.0.1:8080/v1/chat/completions"
    body = json.loads(seen[0].content)
    assert body["model"] == "local-7b" and body["temperature"] == 0
    system = body["messages"][0]
    assert system["role"] == "system"
    assert "from Spanish into English" in system["content"]
    assert "keep every number" in system["content"] and "translation only" in system["content"]
    assert "authorization" not in seen[0].headers
    assert seen[2].headers["Authorization"] == "Bearer sk-test"


def test_a_timeout_is_a_clear_error():
    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with mock(hang) as http, pytest.raises(TranslateError, match="deepl at api-free.deepl.com"):
        build("deepl", ENV).translate(["hola"], "es", "en", http)


def test_many_texts_go_fifty_to_a_request():
    sizes = []

    def answer(request: httpx.Request) -> httpx.Response:
        texts = json.loads(request.content)["text"]
        sizes.append(len(texts))
        return httpx.Response(200, json={"translations": [{"text": t} for t in texts]})

    texts = [f"frase {i}" for i in range(120)]
    with mock(answer) as http:
        assert build("deepl", ENV).translate(texts, "es", "en", http) == texts
    assert sizes == [50, 50, 20]


def test_an_answer_with_the_wrong_number_of_translations_is_an_error():
    def short(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"translations": [{"text": "one"}]})

    with mock(short) as http, pytest.raises(TranslateError, match="1 translation"):
        build("deepl", ENV).translate(["uno", "dos"], "es", "en", http)


def test_a_connection_error_never_shows_the_key():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused for {request.headers['Authorization']}")

    with mock(refuse) as http, pytest.raises(TranslateError) as err:
        build("deepl", ENV).translate(["hola"], "es", "en", http)
    assert "fixture-deepl-key" not in str(err.value) and "***" in str(err.value)


# --- settings and the bound translator ----------------------------------------------------------


def test_settings_come_from_the_environment_and_say_what_is_missing():
    assert names() == ("deepl", "libretranslate", "openai")
    assert build("deepl", {}).configured() == "DEEPL_API_KEY not set"
    assert build("libretranslate", {}).configured() == "LIBRETRANSLATE_URL not set"
    assert build("openai", {"OPENAI_BASE_URL": "http://x"}).configured() == "OPENAI_MODEL not set"
    assert build("libretranslate", {"LIBRETRANSLATE_URL": "http://x"}).configured() is None
    assert pick({}) is None
    assert pick(ENV).name == "deepl"
    assert pick({**ENV, "CITECHECK_TRANSLATOR": "openai"}).name == "openai"
    assert pick({"CITECHECK_TRANSLATOR": "openai"}) is None
    with pytest.raises(ValueError, match="unknown translator"):
        build("babelfish", {})
    with mock(lambda r: httpx.Response(500)) as http, pytest.raises(TranslateError) as err:
        build("deepl", {}).translate(["hola"], "es", "en", http)
    assert str(err.value) == "deepl is not configured: DEEPL_API_KEY not set"


def test_the_bound_translator_asks_once_per_text():
    calls = []

    def answer(request: httpx.Request) -> httpx.Response:
        texts = json.loads(request.content)["text"]
        calls.append(texts)
        return httpx.Response(200, json={"translations": [{"text": f"[{t}]"} for t in texts]})

    with mock(answer) as http:
        tr = bind(build("deepl", ENV), http)
        assert tr.name == "deepl"
        assert tr(["a", "b"], "es", "en") == ["[a]", "[b]"]
        assert tr(["b", "c", "a"], "es", "en") == ["[b]", "[c]", "[a]"]
    assert calls == [["a", "b"], ["c"]]
