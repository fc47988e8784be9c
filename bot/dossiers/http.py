"""The provincial dossier system over HTTP (the provider contract in the README).

``GET {base}/dossiers/{code}`` with a bearer token. Retries (urllib3 ``Retry``,
with backoff) only on timeouts, connection errors and 5xx; after repeated
failures the gateway pauses ("circuit open") and answers at once that the
lookup is unavailable, so citizens are not kept waiting.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable, Optional
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from bot.dossiers.gateway import GatewayMisconfigured, GatewayUnavailable
from bot.dossiers.model import Dossier, MalformedDossier, parse_dossier

logger = logging.getLogger(__name__)


class CircuitBreaker:
    """Open after ``threshold`` consecutive failures, for ``cooldown`` seconds."""

    def __init__(self, threshold: int = 3, cooldown: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._threshold, self._cooldown, self._clock = threshold, cooldown, clock
        self._failures = 0
        self._opened_at: Optional[float] = None
        self._lock = threading.Lock()

    @property
    def open(self) -> bool:
        with self._lock:
            if self._opened_at is None:
                return False
            if self._clock() - self._opened_at >= self._cooldown:
                self._opened_at = None  # half-open: let the next call try
                self._failures = self._threshold - 1
                return False
            return True

    def success(self) -> None:
        with self._lock:
            self._failures, self._opened_at = 0, None

    def failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self._threshold:
                self._opened_at = self._clock()


class HttpDossierGateway:
    def __init__(self, base_url: str, token: str, timeout: float = 3.0, retries: int = 2,
                 backoff: float = 0.2, breaker: Optional[CircuitBreaker] = None) -> None:
        if not base_url.lower().startswith(("https://", "http://")):
            raise ValueError("DOSSIER_API_URL must be an http(s) URL")
        self._base = base_url.rstrip("/")
        self._token = token
        self._timeout = (min(timeout, 3.0), min(timeout, 3.0))
        self._breaker = breaker or CircuitBreaker()
        retry = Retry(
            total=retries, connect=retries, read=retries, status=retries, other=0,
            backoff_factor=backoff, status_forcelist=(500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}), raise_on_status=False, respect_retry_after_header=False,
        )
        self._session = requests.Session()
        self._session.mount("http://", HTTPAdapter(max_retries=retry))
        self._session.mount("https://", HTTPAdapter(max_retries=retry))

    def get(self, code: str) -> Optional[Dossier]:
        if self._breaker.open:
            raise GatewayUnavailable("dossier lookups paused after repeated provider failures")
        url = f"{self._base}/dossiers/{quote(code, safe='')}"
        try:
            response = self._session.get(
                url, headers={"Authorization": f"Bearer {self._token}", "Accept": "application/json"},
                timeout=self._timeout, allow_redirects=False,
            )
        except requests.RequestException as error:
            self._breaker.failure()
            logger.warning("dossier provider unreachable: %s", type(error).__name__)
            raise GatewayUnavailable("provider unreachable") from error
        if response.status_code == 404:
            self._breaker.success()
            return None
        if response.status_code in (401, 403):
            logger.error("dossier provider refused our credentials (HTTP %s): check DOSSIER_API_TOKEN",
                         response.status_code)
            raise GatewayMisconfigured(f"HTTP {response.status_code}")
        if response.status_code != 200:
            self._breaker.failure()
            logger.warning("dossier provider answered HTTP %s", response.status_code)
            raise GatewayUnavailable(f"HTTP {response.status_code}")
        try:
            dossier = parse_dossier(response.json())
        except (ValueError, MalformedDossier) as error:
            self._breaker.failure()
            logger.warning("dossier provider sent a malformed body: %s", type(error).__name__)
            raise GatewayUnavailable("malformed body") from error
        self._breaker.success()
        return dossier
