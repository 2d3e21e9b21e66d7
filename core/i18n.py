"""Messages from the domain layer (errors, import problems) in the user's language.

The Qt UI translates its own strings with Qt Linguist; domain messages are produced where Qt
is not available (CLI, services, import validation), so they live in small per-module catalogs
registered here. A test checks every key has every language.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_catalog: dict[str, dict[str, str]] = {}
_current = DEFAULT_LANGUAGE


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    for key, texts in messages.items():
        if key in _catalog and _catalog[key] != dict(texts):
            raise ValueError(f"message key registered twice with different text: {key}")
        _catalog[key] = dict(texts)


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    return _current


class Localized:
    """A message parameter with a text per language (a step or state label), put into the
    message in the message's own language, not in the one current when the error was raised."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en

    def text(self, lang: str | None = None) -> str:
        return self.en if (lang or _current) == "en" else self.zh

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Localized({self.zh!r}, {self.en!r})"


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The message for ``key`` in ``lang`` (default: the current language), formatted."""
    texts = _catalog.get(key)
    if texts is None:
        return key if not params else f"{key} {params}"
    text = texts.get(lang or _current) or texts.get("en") or key
    params = {k: v.text(lang) if isinstance(v, Localized) else v for k, v in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def all_messages() -> dict[str, dict[str, str]]:
    return {k: dict(v) for k, v in _catalog.items()}


class DomainError(Exception):
    """A known problem to show the user in their language (key + parameters)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)
