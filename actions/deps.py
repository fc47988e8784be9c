"""Services the actions use, built once from settings (replaced by fakes in tests)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Optional

from typing import Any, Dict

from bot.knowledge.answers import AnswerFormatter, load_vocabulary
from bot.knowledge.loader import load_province
from bot.knowledge.model import ProvinceProfile
from bot.knowledge.search import ProcedureIndex
from bot.knowledge.store import KnowledgeStore
from bot.settings import Settings


@dataclass
class Services:
    settings: Settings
    store: KnowledgeStore
    index: ProcedureIndex
    vocabulary: Dict[str, Any]
    formatter: AnswerFormatter
    province: ProvinceProfile


_lock = threading.Lock()
_services: Optional[Services] = None


def build(settings: Settings) -> Services:
    store = KnowledgeStore(settings.knowledge_db_url)
    vocabulary = load_vocabulary(str(settings.knowledge_dir / "vocabulary.yml"))
    return Services(
        settings=settings,
        store=store,
        index=ProcedureIndex(store.all()),
        vocabulary=vocabulary,
        formatter=AnswerFormatter(vocabulary),
        province=load_province(settings.provinces_dir, settings.province),
    )


def services() -> Services:
    """The process-wide services, built on first use."""
    global _services
    with _lock:
        if _services is None:
            _services = build(Settings.from_env())
        return _services


def override(replacement: Optional[Services]) -> None:
    """Install other services (tests); ``None`` rebuilds from settings on next use."""
    global _services
    with _lock:
        _services = replacement
