"""Every domain message exists in Simplified Chinese and English, with the same placeholders."""

import importlib
import pkgutil
import string

import pytest

from core import i18n


def _import_all():
    for package in ("core", "db", "reports", "cli"):
        mod = importlib.import_module(package)
        for info in pkgutil.walk_packages(mod.__path__, prefix=f"{package}."):
            importlib.import_module(info.name)


def _fields(text):
    # "{field_zh}" / "{field_en}" name one value in each language: compare them as one.
    names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    return {n.removesuffix("_zh").removesuffix("_en") for n in names}


def test_every_message_has_both_languages_and_same_placeholders():
    _import_all()
    messages = i18n.all_messages()
    assert len(messages) > 30
    for key, texts in messages.items():
        for lang in i18n.LANGUAGES:
            assert texts.get(lang, "").strip(), f"{key} lacks {lang}"
        assert _fields(texts["zh_CN"]) == _fields(texts["en"]), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh_CN"]), f"{key}: zh_CN not Chinese"


def test_domain_error_speaks_the_current_language():
    from core.i18n import DomainError

    i18n.set_language("en")
    try:
        assert DomainError("auth.bad_credentials").message() == "Wrong user name or password."
    finally:
        i18n.set_language("zh_CN")
    assert DomainError("auth.bad_credentials").message() == "用户名或密码错误。"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_unknown_language_falls_back_to_chinese(lang):
    i18n.set_language("fr")
    assert i18n.language() == "zh_CN"
    i18n.set_language(lang)
    assert i18n.language() == lang
    i18n.set_language("zh_CN")
