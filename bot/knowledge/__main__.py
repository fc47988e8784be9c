"""Knowledge-base command line.

    python -m bot.knowledge validate          # check every file, name file and field
    python -m bot.knowledge load              # validate, then sync into the store
    python -m bot.knowledge import FILE       # CSV/XLSX rows -> validated procedure files
    python -m bot.knowledge export FILE.csv   # procedure files -> CSV (same column layout)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from bot.knowledge.loader import load_procedures, load_province
from bot.knowledge.store import KnowledgeStore
from bot.settings import Settings


def _validate(settings: Settings) -> int:
    result = load_procedures(settings.procedures_dir)
    errors = [str(error) for error in result.errors]
    try:
        load_province(settings.provinces_dir, settings.province)
    except (FileNotFoundError, ValueError) as error:
        errors.append(f"province profile: {error}")
    for line in errors:
        print(f"ERROR {line}", file=sys.stderr)
    print(f"{len(result.procedures)} procedures valid, {len(errors)} errors")
    return 1 if errors else 0


def _load(settings: Settings) -> int:
    from tqdm import tqdm

    if _validate(settings):
        print("Not loading: fix the errors above first.", file=sys.stderr)
        return 1
    procedures = load_procedures(settings.procedures_dir).procedures
    store = KnowledgeStore(settings.knowledge_db_url)
    with tqdm(total=len(procedures), desc="loading", unit="procedure", disable=None) as bar:
        report = store.sync(procedures, progress=lambda _: bar.update(1))
    print(f"store {settings.knowledge_db_url.split('@')[-1]}: {report}")
    return 0


def _import(settings: Settings, path: Path, dry_run: bool) -> int:
    from bot.knowledge.spreadsheet import import_spreadsheet

    try:
        report = import_spreadsheet(path, settings.procedures_dir, dry_run=dry_run)
    except (OSError, ValueError) as error:
        print(f"ERROR {path}: {error}", file=sys.stderr)
        return 1
    for line in report.errors:
        print(f"SKIPPED {line}", file=sys.stderr)
    verb = "valid (dry run, nothing written)" if dry_run else "imported"
    print(f"{len(report.imported)} rows {verb}, {len(report.errors)} problems in skipped rows")
    return 1 if report.errors else 0


def _export(settings: Settings, path: Path) -> int:
    from bot.knowledge.spreadsheet import export_csv

    result = load_procedures(settings.procedures_dir)
    for error in result.errors:
        print(f"ERROR {error}", file=sys.stderr)
    count = export_csv(result.procedures, path)
    print(f"{count} procedures exported to {path}")
    return 1 if result.errors else 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["validate", "load", "import", "export"])
    parser.add_argument("file", nargs="?", type=Path, help="spreadsheet for import/export")
    parser.add_argument("--dry-run", action="store_true", help="import: validate only")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command in ("import", "export") and args.file is None:
        parser.error(f"{args.command} needs a FILE")
    if args.command == "import":
        return _import(settings, args.file, args.dry_run)
    if args.command == "export":
        return _export(settings, args.file)
    return {"validate": _validate, "load": _load}[args.command](settings)


if __name__ == "__main__":
    sys.exit(main())
