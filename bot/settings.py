"""Settings from the environment, read once where services are built."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from bot import PROJECT_ROOT


def _path(value: Optional[str], default: Path) -> Path:
    if not value:
        return default
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


@dataclass(frozen=True)
class Settings:
    """Deployment settings. Every field has an embedded default."""

    province: str = "gia-lai"
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    knowledge_db_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'knowledge.db'}"
    #: the provincial dossier system; unset = the built-in SQL store below
    dossier_api_url: Optional[str] = None
    dossier_api_token: str = ""
    dossier_db_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'dossiers.db'}"
    #: the assistant's own state: failed checks, assistance logs, feedback
    app_db_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'app.db'}"
    #: key for hashing sender ids; unset = a random key kept in var/secret.key
    secret: Optional[str] = None
    #: days a call-back request or complaint with contact details is kept
    callback_retention_days: int = 30
    #: where the web page (widget, printable checklists) is served
    public_web_url: str = "http://localhost:8080"

    @property
    def procedures_dir(self) -> Path:
        return self.knowledge_dir / "procedures"

    @property
    def provinces_dir(self) -> Path:
        return self.knowledge_dir / "provinces"

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env
        defaults = cls()
        return cls(
            province=env.get("PROVINCE") or defaults.province,
            knowledge_dir=_path(env.get("KNOWLEDGE_DIR"), defaults.knowledge_dir),
            knowledge_db_url=env.get("KNOWLEDGE_DB_URL") or defaults.knowledge_db_url,
            dossier_api_url=env.get("DOSSIER_API_URL") or None,
            dossier_api_token=env.get("DOSSIER_API_TOKEN") or "",
            dossier_db_url=env.get("DOSSIER_DB_URL") or defaults.dossier_db_url,
            app_db_url=env.get("APP_DB_URL") or defaults.app_db_url,
            secret=env.get("APP_SECRET") or None,
            callback_retention_days=int(env.get("CALLBACK_RETENTION_DAYS") or defaults.callback_retention_days),
            public_web_url=(env.get("PUBLIC_WEB_URL") or defaults.public_web_url).rstrip("/"),
        )

    def secret_key(self) -> str:
        """``APP_SECRET``, else a random key created once in var/secret.key."""
        if self.secret:
            return self.secret
        path = PROJECT_ROOT / "var" / "secret.key"
        if not path.exists():
            import secrets

            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()
