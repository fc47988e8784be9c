import datetime as dt

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from bot.dossiers.demo import demo_dossiers
from bot.dossiers.sql import SqlDossierGateway
from bot.knowledge.loader import load_procedures
from bot.knowledge.store import KnowledgeStore
from bot.settings import Settings
from tests.factories import SAMPLE_PROCEDURES, write_knowledge


@pytest.fixture
def services(tmp_path):
    root = write_knowledge(tmp_path / "knowledge", SAMPLE_PROCEDURES)
    settings = Settings(province="test-tinh", knowledge_dir=root,
                        knowledge_db_url=f"sqlite:///{tmp_path / 'kb.db'}",
                        dossier_db_url=f"sqlite:///{tmp_path / 'dossiers.db'}",
                        app_db_url=f"sqlite:///{tmp_path / 'app.db'}", secret="test")
    KnowledgeStore(settings.knowledge_db_url).sync(load_procedures(settings.procedures_dir).procedures)
    SqlDossierGateway(settings.dossier_db_url).upsert(demo_dossiers(dt.datetime.now(dt.timezone.utc)))
    built = deps.build(settings)
    deps.override(built)
    yield built
    deps.override(None)


def make_tracker(text="", intent="ask_documents", entities=(), slots=None, ranking=None, sender="citizen"):
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": list(entities),
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}],
    }
    return Tracker(sender, slots or {}, latest, [], False, None, {}, "action_listen")


def run(action, tracker, domain=None):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, domain or {"responses": {}})
    return dispatcher.messages, events
