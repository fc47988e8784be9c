"""Staff commands for Đề án 5299 reporting and personal-data housekeeping.

    python -m bot.volunteers report DIR             # CSV per month and per procedure + PNG chart
    python -m bot.volunteers unanswered FILE.csv    # unanswered questions, most frequent first
    python -m bot.volunteers callbacks FILE.csv     # pending call-back requests and complaints
    python -m bot.volunteers purge                  # delete requests older than CALLBACK_RETENTION_DAYS
    python -m bot.volunteers delete ID              # delete one request (the citizen asked; the 8-character reference is enough)
    python -m bot.volunteers checklists --out DIR   # printable checklist page per procedure + index.html
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import List, Optional

from bot.knowledge.answers import load_vocabulary
from bot.knowledge.loader import load_procedures, load_province
from bot.settings import Settings
from bot.volunteers.callbacks import CallbackStore
from bot.volunteers.log import AssistanceLog
from bot.volunteers.report import write_report
from bot.volunteers.unanswered import UnansweredLog


def _checklists(settings: Settings, out_dir: Path) -> int:
    from bot.volunteers.checklist import write_checklists

    result = load_procedures(settings.procedures_dir)
    for error in result.errors:
        print(f"ERROR {error}", file=sys.stderr)
    try:
        profile = load_province(settings.provinces_dir, settings.province)
    except (FileNotFoundError, ValueError) as error:
        print(f"ERROR province profile: {error}", file=sys.stderr)
        return 1
    vocabulary = load_vocabulary(str(settings.knowledge_dir / "vocabulary.yml"))
    written = write_checklists(result.procedures, profile, vocabulary, out_dir)
    print(f"{len(written)} checklists + index.html -> {out_dir}")
    return 1 if result.errors else 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.volunteers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["report", "unanswered", "callbacks", "purge", "delete", "checklists"])
    parser.add_argument("target", nargs="?", help="output directory/file, or the request id")
    parser.add_argument("--out", type=Path, help="checklists: output directory")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "checklists":
        if args.out is None:
            parser.error("checklists needs --out DIR")
        return _checklists(settings, args.out)
    now = dt.datetime.now(dt.timezone.utc)
    if args.command in ("report", "unanswered", "callbacks", "delete") and not args.target:
        parser.error(f"{args.command} needs a target")
    if args.command == "report":
        labels = load_vocabulary(str(settings.knowledge_dir / "vocabulary.yml"))["report"]
        log = AssistanceLog(settings.app_db_url)
        for path in write_report(log.all(), Path(args.target), labels, log.ratings()):
            print(path)
        return 0
    if args.command == "unanswered":
        print(f"{UnansweredLog(settings.app_db_url).export_csv(Path(args.target))} questions -> {args.target}")
        return 0
    store = CallbackStore(settings.app_db_url, settings.callback_retention_days)
    if args.command == "callbacks":
        print(f"{store.export_csv(Path(args.target))} requests -> {args.target}")
    elif args.command == "purge":
        print(f"{store.purge(now)} requests older than {settings.callback_retention_days} days deleted")
    else:
        deleted = store.delete(args.target)
        print("deleted" if deleted else "no such request")
        return 0 if deleted else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
