import os

import pytest

from bot.knowledge.model import Procedure
from bot.knowledge.store import KnowledgeStore
from tests.factories import SAMPLE_PROCEDURES, procedure_document

PROCEDURES = [Procedure.parse_obj(d) for d in SAMPLE_PROCEDURES]


def _sqlite(tmp_path):
    return f"sqlite:///{tmp_path / 'kb.db'}"


def _postgres_url():
    url = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        import sqlalchemy

        engine = sqlalchemy.create_engine(url)
        with engine.connect():
            pass
        engine.dispose()
        return url
    except Exception as error:  # noqa: BLE001
        return pytest.param(url, marks=pytest.mark.skip(reason=f"PostgreSQL not reachable at {url}: {error}"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield KnowledgeStore(_sqlite(tmp_path))
        return
    url = _postgres_url()
    if not isinstance(url, str):
        pytest.skip(url.marks[0].kwargs["reason"])
    store = KnowledgeStore(url)
    store.create_schema()
    store.sync([])
    yield store
    store.sync([])


def test_sync_is_idempotent(store):
    assert str(store.sync(PROCEDURES)) == "4 added, 0 updated, 0 unchanged, 0 removed"
    assert str(store.sync(PROCEDURES)) == "0 added, 0 updated, 4 unchanged, 0 removed"
    assert store.count() == 4


def test_sync_updates_and_removes(store):
    store.sync(PROCEDURES)
    changed = Procedure.parse_obj(procedure_document(processing_time="03 ngày làm việc"))
    report = store.sync([changed] + PROCEDURES[1:3])
    assert str(report) == "0 added, 1 updated, 2 unchanged, 1 removed"
    assert store.get("dang-ky-khai-sinh").processing_time == "03 ngày làm việc"
    assert store.get("dang-ky-tam-tru") is None


def test_round_trip_keeps_every_field(store):
    store.sync(PROCEDURES)
    for procedure in PROCEDURES:
        assert store.get(procedure.id) == procedure
    assert [p.id for p in store.all()] == sorted(p.id for p in PROCEDURES)


def test_progress_callback(store):
    seen = []
    store.sync(PROCEDURES, progress=lambda p: seen.append(p.id))
    assert seen == [p.id for p in PROCEDURES]
