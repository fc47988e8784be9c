"""Dossier lookup latency through the REST channel against a fake provincial system.

    python -m bench.lookup [--lookups 30]

Times the message carrying the last four phone digits (it triggers the
provider call, the check and the status answer) and the whole lookup.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.run import percentile


def main(argv=None) -> int:
    from bot.dossiers.demo import DEMO_PHONE, DEMO_STAMP
    from bot.knowledge.loader import load_procedures
    from bot.knowledge.store import KnowledgeStore
    from bot.settings import Settings
    from tests import servers as server_module
    from tests.conversations.provider import fake_provider

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lookups", type=int, default=30)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench-lookup-"))
    db_url = f"sqlite:///{workdir / 'knowledge.db'}"
    KnowledgeStore(db_url).sync(load_procedures(Settings.from_env({}).procedures_dir).procedures)
    with fake_provider() as provider:
        servers = server_module.start(workdir, env={
            "KNOWLEDGE_DB_URL": db_url, "DOSSIER_API_URL": provider.url, "DOSSIER_API_TOKEN": "e2e-token",
            "APP_DB_URL": f"sqlite:///{workdir / 'app.db'}", "APP_SECRET": "bench"})
        try:
            check, whole = [], []
            for i in range(args.lookups + 3):
                sender = f"lookup-{i}"
                start = time.perf_counter()
                servers.send(sender, f"tra cuu ho so 000.00.00.H00-{DEMO_STAMP}-000{1 + i % 7}")
                middle = time.perf_counter()
                answer = servers.send(sender, DEMO_PHONE[-4:])
                end = time.perf_counter()
                assert answer, "no answer"
                if i >= 3:  # warm-up
                    check.append((end - middle) * 1000)
                    whole.append((end - start) * 1000)
        finally:
            servers.stop()
    print(f"lookups: {len(check)} (fake provider on 127.0.0.1)")
    print(f"digits message -> status answer: p50 {statistics.median(check):.0f} ms, p95 {percentile(check, .95):.0f} ms")
    print(f"whole lookup (code + digits):    p50 {statistics.median(whole):.0f} ms, p95 {percentile(whole, .95):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
