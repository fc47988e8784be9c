import unicodedata

import pytest
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.procedure_linker import ProcedureLinker
from tests.factories import SAMPLE_PROCEDURES, write_knowledge
from tests.hostile import HOSTILE_TEXTS


@pytest.fixture
def knowledge_dir(tmp_path):
    return write_knowledge(tmp_path / "knowledge", SAMPLE_PROCEDURES) / "procedures"


def create_linker(model_storage, resource, execution_context, **config):
    return ProcedureLinker.create(
        {**ProcedureLinker.get_default_config(), **config}, model_storage, resource, execution_context
    )


def entities(component, text):
    message = Message.build(text=text)
    component.process([message])
    return [(e["value"], text[e["start"]:e["end"]]) for e in message.get(ENTITIES, [])]


def test_train_process_persist_and_load(knowledge_dir, model_storage, resource, execution_context):
    linker = create_linker(model_storage, resource, execution_context, knowledge_dir=str(knowledge_dir))
    linker.train(TrainingData())
    text = "toi muon lam lai cccd thi can gi"
    assert entities(linker, text) == [("cap-lai-the-can-cuoc", "lam lai cccd")]

    # the knowledge files are gone: the loaded model still links (no file or DB access)
    for path in knowledge_dir.iterdir():
        path.unlink()
    loaded = ProcedureLinker.load(
        {**ProcedureLinker.get_default_config(), "knowledge_dir": str(knowledge_dir)},
        model_storage, resource, execution_context,
    )
    assert entities(loaded, text) == entities(linker, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đăng ký khai sinh cần giấy tờ gì?", [("dang-ky-khai-sinh", "Đăng ký khai sinh")]),
        ("dang ky khai sinh can giay to gi", [("dang-ky-khai-sinh", "dang ky khai sinh")]),
        ("làm lại căn cước gắn chip", [("cap-lai-the-can-cuoc-gan-chip", "làm lại căn cước gắn chip")]),
        ("làm lại căn cước", [("cap-lai-the-can-cuoc", "làm lại căn cước")]),
        ("đăng ký tạm trú online", [("dang-ky-tam-tru", "đăng ký tạm trú online")]),
        ("hộ chiếu", []),
    ],
)
def test_linking(knowledge_dir, model_storage, resource, execution_context, text, expected):
    linker = create_linker(model_storage, resource, execution_context, knowledge_dir=str(knowledge_dir))
    linker.train(TrainingData())
    assert entities(linker, text) == expected


def test_nfd_text(knowledge_dir, model_storage, resource, execution_context):
    linker = create_linker(model_storage, resource, execution_context, knowledge_dir=str(knowledge_dir))
    linker.train(TrainingData())
    text = unicodedata.normalize("NFD", "Đăng ký tạm trú ở đâu")
    [(value, span)] = entities(linker, text)
    assert value == "dang-ky-tam-tru"
    assert unicodedata.normalize("NFC", span) == "Đăng ký tạm trú"


def test_load_survives_a_missing_resource(model_storage, execution_context):
    from rasa.engine.storage.resource import Resource

    linker = ProcedureLinker.load(
        ProcedureLinker.get_default_config(), model_storage, Resource("never-trained"), execution_context
    )
    assert entities(linker, "khai sinh") == []


def test_fingerprint_changes_with_the_knowledge(knowledge_dir):
    config = {"knowledge_dir": str(knowledge_dir)}
    before = ProcedureLinker.fingerprint_addon(config)
    path = knowledge_dir / "dang-ky-tam-tru.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert ProcedureLinker.fingerprint_addon(config) != before


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(knowledge_dir, model_storage, resource, execution_context, text):
    linker = create_linker(model_storage, resource, execution_context, knowledge_dir=str(knowledge_dir))
    linker.train(TrainingData())
    for value, span in entities(linker, text):
        assert span.strip()


def test_mentions_are_marked_for_the_featurizers(knowledge_dir, model_storage, resource, execution_context):
    from rasa.nlu.constants import TOKENS_NAMES
    from rasa.shared.nlu.constants import TEXT

    from bot.nlu.tokenizer import VietnameseTokenizer

    tokenizer = VietnameseTokenizer(VietnameseTokenizer.get_default_config())
    linker = create_linker(model_storage, resource, execution_context, knowledge_dir=str(knowledge_dir))
    linker.train(TrainingData())
    accented, plain = Message.build(text="Đăng ký tạm trú cần gì"), Message.build(text="dang ky tam tru can gi")
    training = TrainingData([Message.build(text="lam lai cccd het bao nhieu", intent="ask_fee")])
    for message in (accented, plain):
        tokenizer.process([message])
    tokenizer.process_training_data(training)
    linker.process([accented, plain])
    linker.process_training_data(training)

    def lemmas(message):
        return " ".join(t.lemma for t in message.get(TOKENS_NAMES[TEXT])).split()

    assert lemmas(accented) == lemmas(plain) == ["__procedure__", "dang", "ky", "tam", "tru", "can", "gi"]
    assert "__procedure__" in lemmas(training.training_examples[0])
    assert not training.training_examples[0].get("entities")  # annotations untouched
