import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.input_guard import InputGuard
from tests.hostile import HOSTILE_TEXTS


def create_guard(**config):
    return InputGuard.create({**InputGuard.get_default_config(), **config}, None, None, None)


def classify(text, **config):
    message = Message.build(text=text)
    message.set(INTENT, {"name": "greet", "confidence": 0.4})
    message.set(INTENT_RANKING_KEY, [{"name": "greet", "confidence": 0.4}])
    create_guard(**config).process([message])
    return message.get(INTENT)["name"], message.get(INTENT_RANKING_KEY)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("", "no_text_content"),
        ("   \n", "no_text_content"),
        ("😀👍🏽", "no_text_content"),
        ("?!...", "no_text_content"),
        ("<>", "no_text_content"),
        ("khai sinh", "greet"),
        ("/greet", "greet"),
        ("a" * 2001, "message_too_long"),
        ("a" * 2000, "greet"),
    ],
)
def test_guard(text, intent):
    name, ranking = classify(text)
    assert name == intent
    assert ranking[0]["name"] == intent


def test_max_chars_is_configurable():
    assert classify("khai sinh " * 5, max_chars=20)[0] == "message_too_long"


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(text):
    assert classify(text)[0] in ("greet", "no_text_content", "message_too_long")


def test_stateless_components_load_like_they_create(model_storage, resource, execution_context):
    from bot.nlu.dossier_code_extractor import DossierCodeExtractor
    from bot.nlu.tokenizer import VietnameseTokenizer

    for component in (InputGuard, DossierCodeExtractor, VietnameseTokenizer):
        loaded = component.load(component.get_default_config(), model_storage, resource, execution_context)
        assert isinstance(loaded, component)
