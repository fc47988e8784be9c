"""Services the actions use, built once from settings (replaced by fakes in tests)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Optional

from typing import Any, Dict

from bot.dossiers.gateway import DossierGateway
from bot.dossiers.verification import Verifier
from bot.knowledge.answers import AnswerFormatter, load_vocabulary
from bot.knowledge.loader import load_province
from bot.knowledge.model import ProvinceProfile
from bot.knowledge.search import ProcedureIndex
from bot.knowledge.store import KnowledgeStore
from bot.payments.policy import PaymentLinkPolicy
from bot.settings import Settings
from bot.volunteers.callbacks import CallbackStore
from bot.volunteers.guide import Guide
from bot.volunteers.log import AssistanceLog
from bot.volunteers.unanswered import UnansweredLog


@dataclass
class Services:
    settings: Settings
    store: KnowledgeStore
    index: ProcedureIndex
    vocabulary: Dict[str, Any]
    formatter: AnswerFormatter
    province: ProvinceProfile
    dossiers: DossierGateway
    verifier: Verifier
    payments: PaymentLinkPolicy
    unanswered: UnansweredLog
    guide: Guide
    assistance: AssistanceLog
    callbacks: CallbackStore


_lock = threading.Lock()
_services: Optional[Services] = None


def dossier_gateway(settings: Settings) -> DossierGateway:
    """The provincial system when DOSSIER_API_URL is set, else the built-in store."""
    if settings.dossier_api_url:
        from bot.dossiers.http import HttpDossierGateway

        return HttpDossierGateway(settings.dossier_api_url, settings.dossier_api_token)
    from bot.dossiers.sql import SqlDossierGateway

    return SqlDossierGateway(settings.dossier_db_url)


def build(settings: Settings) -> Services:
    store = KnowledgeStore(settings.knowledge_db_url)
    vocabulary = load_vocabulary(str(settings.knowledge_dir / "vocabulary.yml"))
    province = load_province(settings.provinces_dir, settings.province)
    return Services(
        settings=settings,
        store=store,
        index=ProcedureIndex(store.all()),
        vocabulary=vocabulary,
        formatter=AnswerFormatter(vocabulary),
        province=province,
        dossiers=dossier_gateway(settings),
        verifier=Verifier(settings.app_db_url, settings.secret_key()),
        payments=PaymentLinkPolicy(province.official_domains),
        unanswered=UnansweredLog(settings.app_db_url),
        guide=Guide.from_file(settings.knowledge_dir / "guides" / "self-filing.yml"),
        assistance=AssistanceLog(settings.app_db_url),
        callbacks=CallbackStore(settings.app_db_url, settings.callback_retention_days),
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
