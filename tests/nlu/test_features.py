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
