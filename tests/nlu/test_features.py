"""Featurizers see folded forms: accented, unaccented and NFD text featurize alike."""

import unicodedata

import numpy as np
import pytest
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.tokenizer import VietnameseTokenizer

TRAINING = [
    ("Đăng ký khai sinh cần giấy tờ gì", "ask_documents"),
    ("lệ phí làm lại căn cước bao nhiêu", "ask_fee"),
    ("nộp hồ sơ tạm trú ở đâu", "ask_where_to_submit"),
    ("ko dc thi goi ai", "request_human"),
]

PAIRS = [
    ("Đăng ký khai sinh cần giấy tờ gì", "dang ky khai sinh can giay to gi"),
    ("Lệ phí làm lại căn cước công dân bao nhiêu?", "le phi lam lai cccd bao nhieu?"),
    ("Không được thì gọi ai", "ko dc thi goi ai"),
]


@pytest.fixture
def pipeline(model_storage, execution_context):
    tokenizer = VietnameseTokenizer(VietnameseTokenizer.get_default_config())
    featurizers = [
        CountVectorsFeaturizer.create(
            {**CountVectorsFeaturizer.get_default_config(), **config},
            model_storage, Resource(f"cvf{i}"), execution_context,
        )
        for i, config in enumerate(
            [
                {"analyzer": "word", "min_ngram": 1, "max_ngram": 2},
                {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4},
            ]
        )
    ]
    data = TrainingData([Message.build(text=t, intent=i) for t, i in TRAINING])
    tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)

    def sentence_features(text):
        message = Message.build(text=text)
        tokenizer.process([message])
        for featurizer in featurizers:
            featurizer.process([message])
        _, sentence = message.get_sparse_features(TEXT)
        return sentence.features.toarray()

    return sentence_features


@pytest.mark.parametrize("accented, plain", PAIRS)
def test_accented_and_unaccented_have_identical_sentence_features(pipeline, accented, plain):
    a, b = pipeline(accented), pipeline(plain)
    assert a.sum() > 0
    np.testing.assert_array_equal(a, b)


def test_nfd_has_identical_sentence_features(pipeline):
    text = "Đăng ký khai sinh cần giấy tờ gì"
    np.testing.assert_array_equal(pipeline(text), pipeline(unicodedata.normalize("NFD", text)))


def test_different_questions_differ(pipeline):
    assert not np.array_equal(pipeline(PAIRS[0][0]), pipeline(PAIRS[1][0]))


def test_identical_features_hold_with_procedure_marking(model_storage, execution_context, tmp_path):
    from bot.nlu.procedure_linker import ProcedureLinker
    from tests.factories import SAMPLE_PROCEDURES, write_knowledge

    knowledge = write_knowledge(tmp_path / "k", SAMPLE_PROCEDURES) / "procedures"
    tokenizer = VietnameseTokenizer(VietnameseTokenizer.get_default_config())
    linker = ProcedureLinker.create({**ProcedureLinker.get_default_config(), "knowledge_dir": str(knowledge)},
                                    model_storage, Resource("linker"), execution_context)
    linker.train(TrainingData())
    featurizer = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config(), "analyzer": "word", "min_ngram": 1, "max_ngram": 2},
        model_storage, Resource("cvf"), execution_context)
    data = TrainingData([Message.build(text=t, intent=i) for t, i in TRAINING])
    tokenizer.process_training_data(data)
    linker.process_training_data(data)
    featurizer.train(data)

    def features(text):
        message = Message.build(text=text)
        tokenizer.process([message])
        linker.process([message])
        featurizer.process([message])
        return message.get_sparse_features(TEXT)[1].features.toarray()

    np.testing.assert_array_equal(features("Đăng ký tạm trú cần giấy tờ gì"), features("dang ky tam tru can giay to gi"))
    np.testing.assert_array_equal(features("Làm lại căn cước công dân bao nhiêu"), features("lam lai cccd bao nhieu"))
