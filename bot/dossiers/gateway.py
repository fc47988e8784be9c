"""What the assistant asks of a dossier system, whichever it is."""

from __future__ import annotations

from typing import Optional, Protocol

from bot.dossiers.model import Dossier


class GatewayUnavailable(Exception):
    """The provider failed (5xx, timeout, malformed body) or is paused after failures."""


class GatewayMisconfigured(GatewayUnavailable):
    """The provider refused our credentials (401/403): an operator must fix the settings."""


class DossierGateway(Protocol):
    def get(self, code: str) -> Optional[Dossier]:
        """The dossier, ``None`` if the code is unknown; raises ``GatewayUnavailable``."""
