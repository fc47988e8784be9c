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
from tests.fakes import FakeServer

ZALO_APP_ID, ZALO_SECRET, FACEBOOK_SECRET = "zalo-app-e2e", "zalo-oa-secret-e2e", "fb-app-secret-e2e"


@pytest.fixture(scope="session")
def provider():
    with fake_provider() as server:
        yield server


@pytest.fixture(scope="session")
def platforms():
    """Fake Zalo OA and Facebook Graph APIs that record what the assistant sends."""
    def zalo_route(method, path, headers, body):
        return 200, {"error": 0, "message": "Success", "data": {"message_id": "x"}}, 0

    def graph_route(method, path, headers, body):
        return 200, {"recipient_id": "u", "message_id": "m"}, 0

    with FakeServer(zalo_route) as zalo, FakeServer(graph_route) as graph:
        yield {"zalo": zalo, "graph": graph}


@pytest.fixture(scope="session")
def servers(tmp_path_factory, provider, platforms):
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
        "ZALO_APP_ID": ZALO_APP_ID,
        "ZALO_OA_SECRET_KEY": ZALO_SECRET,
        "ZALO_OA_ACCESS_TOKEN": "zalo-token-e2e",
        "ZALO_API_BASE": platforms["zalo"].url,
        "FACEBOOK_VERIFY_TOKEN": "fb-verify-e2e",
        "FACEBOOK_APP_SECRET": FACEBOOK_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": "fb-page-token-e2e",
        "FACEBOOK_GRAPH_URL": platforms["graph"].url,
    }
    running = server_module.start(workdir, env=env)
    yield running
    running.stop()


def texts(messages):
    return [m.get("text", "") for m in messages]


def joined(messages):
    return "\n".join(texts(messages))
