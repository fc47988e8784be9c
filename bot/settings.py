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
        )
