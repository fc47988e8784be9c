"""End-to-end conversations through the REST channel against the trained model."""

import os

import pytest

from bot.knowledge.loader import load_procedures
from bot.knowledge.store import KnowledgeStore
from bot.settings import Settings
from tests import servers as server_module


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    if not server_module.MODEL.exists():
        message = f"no trained model at {server_module.MODEL}: run `make train` (make test does)"
        if os.environ.get("REQUIRE_E2E"):
            pytest.fail(message)
        pytest.skip(message)
    workdir = tmp_path_factory.mktemp("e2e")
    settings = Settings.from_env({})
    db_url = f"sqlite:///{workdir / 'knowledge.db'}"
    KnowledgeStore(db_url).sync(load_procedures(settings.procedures_dir).procedures)
    running = server_module.start(workdir, env={"KNOWLEDGE_DB_URL": db_url, "PROVINCE": settings.province})
    yield running
    running.stop()


def texts(messages):
    return [m.get("text", "") for m in messages]


def joined(messages):
    return "\n".join(texts(messages))
