"""Knowledge-base command line.

    python -m bot.knowledge validate          # check every file, name file and field
    python -m bot.knowledge load              # validate, then sync into the store
"""

from __future__ import annotations

import argparse
import sys
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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["validate", "load"])
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    return {"validate": _validate, "load": _load}[args.command](settings)


if __name__ == "__main__":
    sys.exit(main())
