import unicodedata

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import ACTION_NAME, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.tokenizer import VietnameseTokenizer
from tests.hostile import HOSTILE_TEXTS


def create_tokenizer(**config) -> VietnameseTokenizer:
    return VietnameseTokenizer({**VietnameseTokenizer.get_default_config(), **config})


def tokens_of(text):
    message = Message.build(text=text)
    create_tokenizer().process([message])
    return message.get(TOKENS_NAMES[TEXT])


def test_default_config_is_complete():
    config = VietnameseTokenizer.get_default_config()
    for key in ("intent_tokenization_flag", "intent_split_symbol", "token_pattern", "prefix_separator_symbol"):
        assert key in config


@pytest.mark.parametrize(
    "text, texts, lemmas",
    [
        ("làm lại căn cước công dân", ["làm", "lại", "căn cước", "công dân"], ["lam", "lai", "can cuoc", "cong dan"]),
        ("lam lai cccd", ["lam", "lai", "cccd"], ["lam", "lai", "can cuoc cong dan"]),
        ("ko dc ak", ["ko", "dc", "ak"], ["khong", "duoc", "a"]),
    ],
)
def test_tokens_and_lemmas(text, texts, lemmas):
    tokens = tokens_of(text)
    assert [t.text for t in tokens] == texts
    assert [t.lemma for t in tokens] == lemmas
    for token in tokens:
        assert text[token.start : token.end] == token.text


def test_nfd_and_nfc_have_the_same_lemmas():
    text = "Đăng ký thường trú cần giấy tờ gì?"
    nfd = unicodedata.normalize("NFD", text)
    assert [t.lemma for t in tokens_of(nfd)] == [t.lemma for t in tokens_of(text)]
    for token in tokens_of(nfd):
        assert nfd[token.start : token.end] == token.text


def test_unaccented_input_uses_syllables():
    assert [t.text for t in tokens_of("toi muon lam lai can cuoc")] == [
        "toi", "muon", "lam", "lai", "can", "cuoc"
    ]


def test_intent_and_action_names_are_tokenized():
    message = Message.build(text="xin chào", intent="ask_fee")
    message.set(ACTION_NAME, "action_answer_procedure")
    tokenizer = create_tokenizer(intent_tokenization_flag=True)
    tokenizer.process_training_data(TrainingData([message]))
    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == ["ask", "fee"]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(text):
    for token in tokens_of(text):
        assert text[token.start : token.end] == token.text
