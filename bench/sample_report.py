"""A sample Đề án 5299 report from scripted conversations (``make sample-report``).

Starts the action and Rasa servers on a fresh app database, plays scripted
guided sessions through the REST channel exactly as a citizen or a volunteer
would (buttons and typed replies, problems, hand-over, giving up, ratings),
then writes the report with ``python -m bot.volunteers report`` and prints the
tables and the chart's path. Nothing here is asserted; the conversation tests
check the same flows.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import uuid
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from bot import PROJECT_ROOT
from bot.knowledge.loader import load_procedures
from bot.knowledge.store import KnowledgeStore
from bot.settings import Settings

#: (procedure, volunteer code, replies after the first step, rating)
SCRIPT: Sequence[Tuple[str, Optional[str], List[str], Optional[str]]] = [
    ("dang-ky-khai-sinh", None, ["/guide_done"] * 8, "5"),
    ("cap-lai-the-can-cuoc", "GL-TNV-01", ["/guide_done"] * 8, "4"),
    ("dang-ky-tam-tru", None, ["/guide_done", "/guide_stuck", "vẫn chưa được"], "3"),
    ("cap-phieu-ly-lich-tu-phap", "GL-TNV-01", ["/guide_done", "/guide_done", "/guide_stuck", "/guide_done",
                                                "/guide_done", "/guide_done", "/guide_done", "/guide_done",
                                                "/guide_done"], "5"),
    ("dang-ky-ket-hon", None, ["xong", "xong rồi", "/guide_back", "ok", "xong", "/guide_stop"], "2"),
    ("dang-ky-khai-sinh", "GL-TNV-02", ["xong"] * 8, "5"),
    ("dang-ky-thuong-tru", None, ["/guide_done", "/guide_done"], None),
    ("cap-lai-the-can-cuoc", None, ["/guide_done", "/guide_done", "/guide_done", "/guide_stuck", "/guide_stuck"],
     None),
]


def play(servers, procedure: str, volunteer: Optional[str], replies: Sequence[str], rating: Optional[str]) -> None:
    sender = f"sample-{uuid.uuid4().hex[:8]}"
    if volunteer:
        servers.send(sender, "tôi là tình nguyện viên")
        servers.send(sender, volunteer)
    servers.send(sender, f'/start_guided_filing{{"procedure": "{procedure}"}}')
    for reply in replies:
        servers.send(sender, reply)
    if rating:
        servers.send(sender, f'/rate_session{{"rating": "{rating}"}}')


def main(argv: Optional[List[str]] = None) -> int:
    from tests import servers as server_module

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=server_module.MODEL)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench" / "results" / "sample-report")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="sample-report-"))
    settings = Settings.from_env({})
    knowledge_db = f"sqlite:///{workdir / 'knowledge.db'}"
    app_db = f"sqlite:///{workdir / 'app.db'}"
    KnowledgeStore(knowledge_db).sync(load_procedures(settings.procedures_dir).procedures)
    servers = server_module.start(workdir, env={"KNOWLEDGE_DB_URL": knowledge_db, "APP_DB_URL": app_db,
                                                "APP_SECRET": "sample"}, model=args.model)
    try:
        for procedure, volunteer, replies, rating in SCRIPT:
            play(servers, procedure, volunteer, replies, rating)
        goodbye = f"sample-{uuid.uuid4().hex[:8]}"
        servers.send(goodbye, "cảm ơn, tạm biệt nhé")
        servers.send(goodbye, '/rate_session{"rating": "4"}')
    finally:
        servers.stop()

    from bot.volunteers.__main__ import main as volunteers_main

    os.environ["APP_DB_URL"] = app_db
    if volunteers_main(["report", str(args.out)]) != 0:
        return 1
    for table in ("sessions_by_month.csv", "sessions_by_procedure.csv", "ratings_by_month.csv"):
        print(f"\n{args.out / table}")
        with open(args.out / table, encoding="utf-8-sig") as handle:
            for row in csv.reader(handle):
                print("  " + " | ".join(row))
    print(f"\nchart: {args.out / 'sessions_by_month.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
