"""End-to-end conversations through the REST channel against the trained model.

The action server talks to a fake provincial dossier system on 127.0.0.1 that
speaks the provider contract (tests/conversations/provider.py).
"""

import os

import pytest

from bot.knowledge.loader import load_procedures
from bot.knowledge.store import KnowledgeStore
from bot.settings import Settings
from tests import servers as server_module
from tests.conversations.provider import fake_provider


@pytest.fixture(scope="session")
def provider():
    with fake_provider() as server:
        yield server


@pytest.fixture(scope="session")
def servers(tmp_path_factory, provider):
    if not server_module.MODEL.exists():
        message = f"no trained model at {server_module.MODEL}: run `make train` (make test does)"
        if os.environ.get("REQUIRE_E2E"):
            pytest.fail(message)
        pytest.skip(message)
    workdir = tmp_path_factory.mktemp("e2e")
    settings = Settings.from_env({})
    db_url = f"sqlite:///{workdir / 'knowledge.db'}"
    KnowledgeStore(db_url).sync(load_procedures(settings.procedures_dir).procedures)
    env = {
        "KNOWLEDGE_DB_URL": db_url,
        "PROVINCE": settings.province,
        "DOSSIER_API_URL": provider.url,
        "DOSSIER_API_TOKEN": "e2e-token",
        "APP_DB_URL": f"sqlite:///{workdir / 'app.db'}",
        "APP_SECRET": "e2e",
    }
    running = server_module.start(workdir, env=env)
    yield running
    running.stop()


def texts(messages):
    return [m.get("text", "") for m in messages]


def joined(messages):
    return "\n".join(texts(messages))
