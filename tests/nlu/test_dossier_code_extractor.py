import pytest
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.dossier_code_extractor import DossierCodeExtractor
from tests.hostile import HOSTILE_TEXTS


def create_extractor(**config):
    return DossierCodeExtractor.create(
        {**DossierCodeExtractor.get_default_config(), **config}, None, None, None
    )


def test_extracts_normalised_code_with_offsets():
    text = "ho so 000.31.35.h12 - 251103 - 0042 den dau roi"
    message = Message.build(text=text)
    create_extractor().process([message])
    [entity] = message.get(ENTITIES)
    assert entity["entity"] == "dossier_code"
    assert entity["value"] == "000.31.35.H12-251103-0042"
    assert text[entity["start"] : entity["end"]] == "000.31.35.h12 - 251103 - 0042"
    assert entity["extractor"] == "DossierCodeExtractor"


def test_keeps_entities_of_earlier_extractors():
    message = Message.build(text="38.98.H29-210519-0013")
    message.set(ENTITIES, [{"entity": "procedure", "value": "x", "start": 0, "end": 1}])
    create_extractor().process([message])
    assert [e["entity"] for e in message.get(ENTITIES)] == ["procedure", "dossier_code"]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(text):
    message = Message.build(text=text)
    create_extractor().process([message])
    assert isinstance(message.get(ENTITIES), list)


def test_code_is_marked_for_the_featurizers():
    from rasa.nlu.constants import TOKENS_NAMES
    from rasa.shared.nlu.constants import TEXT

    from bot.nlu.tokenizer import VietnameseTokenizer

    message = Message.build(text="ho so 38.98.H29-210519-0013 xong chua")
    VietnameseTokenizer(VietnameseTokenizer.get_default_config()).process([message])
    create_extractor().process([message])
    lemmas = " ".join(t.lemma for t in message.get(TOKENS_NAMES[TEXT])).split()
    assert lemmas.count("__dossier_code__") == 1
