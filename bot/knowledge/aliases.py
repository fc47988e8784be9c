"""The alias table the procedure linker is trained on."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Dict, List

import yaml


def procedure_files(directory: Path) -> List[Path]:
    """Procedure files of a knowledge directory, in a stable order."""
    return sorted(p for p in Path(directory).glob("*.yml") if not p.name.startswith("_"))


def alias_table(directory: Path) -> Dict[str, List[str]]:
    """Map each procedure id to its name and aliases.

    >>> alias_table(Path("/nonexistent"))
    {}
    """
    table: Dict[str, List[str]] = {}
    for path in procedure_files(directory):
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle) or {}
        procedure_id = str(document.get("id") or path.stem)
        phrases = [str(document.get("name") or "")]
        phrases += [str(alias) for alias in document.get("aliases") or []]
        table[procedure_id] = [p for p in phrases if p.strip()]
    return table


def fingerprint(directory: Path) -> str:
    """Content hash of the procedure files (changes when any file changes)."""
    digest = hashlib.sha256()
    for path in procedure_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
