"""Read and validate knowledge files; errors name the file and the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

import yaml
from pydantic import ValidationError

from bot.knowledge.aliases import procedure_files
from bot.knowledge.model import Procedure, ProvinceProfile
from bot.text.normalize import Lexicon, default_lexicon, nfc
from bot.text.tree import map_strings


@dataclass(frozen=True)
class KnowledgeError:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass
class LoadResult:
    procedures: List[Procedure] = field(default_factory=list)
    errors: List[KnowledgeError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_yaml(path: Path) -> Tuple[Optional[Dict[str, Any]], Optional[KnowledgeError]]:
    try:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return None, KnowledgeError(path.name, "-", f"not valid YAML: {error}")
    if not isinstance(document, dict):
        return None, KnowledgeError(path.name, "-", "the file must hold a mapping")
    return map_strings(document, nfc), None


def _validation_errors(name: str, error: ValidationError) -> List[KnowledgeError]:
    return [
        KnowledgeError(name, ".".join(str(part) for part in item["loc"]), item["msg"])
        for item in error.errors()
    ]


def parse_procedure(name: str, document: Dict[str, Any]) -> Tuple[Optional[Procedure], List[KnowledgeError]]:
    """Validate one procedure mapping (from a file or a spreadsheet row)."""
    try:
        return Procedure.parse_obj(document), []
    except ValidationError as error:
        return None, _validation_errors(name, error)


def _folded_phrase(phrase: str, lexicon: Lexicon) -> str:
    from bot.text.phrases import folded_units

    units, _ = folded_units(phrase, lexicon)
    return " ".join(units)


def cross_check(
    procedures: Iterable[Tuple[str, Procedure]], lexicon: Optional[Lexicon] = None
) -> List[KnowledgeError]:
    """Checks across files: unique ids, and no alias claimed by two procedures."""
    lex = lexicon or default_lexicon()
    errors: List[KnowledgeError] = []
    owners: Dict[str, Tuple[str, str]] = {}
    ids: Dict[str, str] = {}
    for source, procedure in procedures:
        if procedure.id in ids:
            errors.append(KnowledgeError(source, "id", f"'{procedure.id}' is also used by {ids[procedure.id]}"))
        ids.setdefault(procedure.id, source)
        seen_here = set()
        for index, phrase in enumerate([procedure.name, *procedure.aliases]):
            key = _folded_phrase(phrase, lex)
            where = "name" if index == 0 else f"aliases.{index - 1}"
            if not key:
                errors.append(KnowledgeError(source, where, "has no letters"))
                continue
            if key in seen_here:
                continue
            seen_here.add(key)
            if key in owners and owners[key][0] != procedure.id:
                errors.append(
                    KnowledgeError(
                        source, where,
                        f"'{phrase}' is also claimed by {owners[key][1]} (same words without diacritics)",
                    )
                )
            else:
                owners[key] = (procedure.id, source)
    return errors


def load_procedures(directory: Path) -> LoadResult:
    """Every procedure file of ``directory``, validated one by one and across."""
    result = LoadResult()
    parsed: List[Tuple[str, Procedure]] = []
    for path in procedure_files(directory):
        document, error = _read_yaml(path)
        if error:
            result.errors.append(error)
            continue
        procedure, errors = parse_procedure(path.name, document)
        result.errors.extend(errors)
        if procedure is None:
            continue
        if procedure.id != path.stem:
            result.errors.append(
                KnowledgeError(path.name, "id", f"'{procedure.id}' must equal the file name '{path.stem}'")
            )
            continue
        parsed.append((path.name, procedure))
    result.errors.extend(cross_check(parsed))
    result.procedures = [procedure for _, procedure in parsed]
    return result


def load_province(directory: Path, province_id: str) -> ProvinceProfile:
    """The province profile ``<directory>/<province_id>.yml``; raises on errors."""
    path = Path(directory) / f"{province_id}.yml"
    if not path.exists():
        raise FileNotFoundError(f"no province profile {path}")
    document, error = _read_yaml(path)
    if error:
        raise ValueError(str(error))
    try:
        profile = ProvinceProfile.parse_obj(document)
    except ValidationError as exc:
        raise ValueError("; ".join(str(e) for e in _validation_errors(path.name, exc))) from exc
    if profile.id != province_id:
        raise ValueError(f"{path.name}: id: '{profile.id}' must equal '{province_id}'")
    return profile
