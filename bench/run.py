"""Benchmark: training time, REST latency and throughput, memory.

    python -m bench.run [--model models/tro-ly.tar.gz] [--train] [--rasa-processes 2]

Prints figures next to the reference measurements of plain Rasa on this machine
kind (../shared/reference/measurements.md). Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Sequence, Tuple

import requests

from bot import PROJECT_ROOT

REFERENCE = {
    "training": "63 min (default pipeline, 4,478 ex., 100 epochs)",
    "p50_1": "50 ms", "p95_1": "65 ms",
    "rate_20": "14.8 msg/s", "p50_20": "1390 ms", "p95_20": "1680 ms",
    "memory": "1.2 GB (Rasa server alone)",
}


def _messages() -> List[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(PROJECT_ROOT / "tests" / "nlu" / "holdout"))
    return [m.get("text") for m in data.intent_examples]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _process_tree(pid: int) -> List[int]:
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except FileNotFoundError:
        pass
    return pids


def _memory_mb(pid: int, field: str) -> float:
    """A memory figure of a process and its children, in MB.

    ``VmRSS`` (from /proc/PID/status) counts pages shared between processes
    (TensorFlow's and Python's libraries) once per process; ``Pss`` (from
    /proc/PID/smaps_rollup) divides each shared page among the processes that
    map it, so the sum over processes is the memory they use together.
    """
    source = "status" if field == "VmRSS" else "smaps_rollup"
    total = 0.0
    for p in _process_tree(pid):
        try:
            for line in Path(f"/proc/{p}/{source}").read_text().splitlines():
                if line.startswith(field + ":"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def _send(url: str, sender: str, text: str) -> Tuple[float, bool]:
    start = time.perf_counter()
    try:
        response = requests.post(url, json={"sender": sender, "message": text}, timeout=60)
        ok = response.status_code == 200 and bool(response.json())
    except requests.RequestException:
        ok = False
    return (time.perf_counter() - start) * 1000, ok


#: messages per conversation: a citizen asks a handful of questions, then a new
#: conversation starts (a single endless conversation would measure Rasa's
#: tracker replay, which grows with every turn, not a realistic load)
CONVERSATION_LENGTH = 10


def run_load(urls: List[str], texts: List[str], senders: int, total: int,
             tag: str = "") -> Tuple[List[float], float, int]:
    """``senders`` concurrent clients, each sending its messages one after another."""
    per_sender: dict = {}
    for i in range(total):
        client, turn = i % senders, i // senders
        sender = f"bench{tag}-{senders}-{client}-{turn // CONVERSATION_LENGTH}"
        per_sender.setdefault(client, []).append((urls[client % len(urls)], sender, texts[i % len(texts)]))

    def sender_loop(items):
        return [_send(*item) for item in items]

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=senders) as pool:
        results = [r for chunk in pool.map(sender_loop, per_sender.values()) for r in chunk]
    elapsed = time.perf_counter() - start
    latencies = [r[0] for r in results]
    errors = sum(1 for r in results if not r[1])
    return latencies, total / elapsed, errors


def shared_stores(postgres: str, redis: str) -> str:
    """A fresh PostgreSQL database for the tracker store and a Redis lock store."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(f"{postgres}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    host, port = redis.split(":")
    pg = postgres.split("://", 1)[1]
    user, server = pg.split("@")
    pg_host, pg_port = server.split(":")
    return (f"tracker_store:\n  type: bot.privacy.tracker_store.RedactingSQLTrackerStore\n"
            f"  dialect: postgresql\n  url: {pg_host}\n  port: {pg_port}\n  db: {name}\n  username: {user}\n"
            f"lock_store:\n  type: redis\n  url: {host}\n  port: {port}\n  db: 1\n")


def train_time(out_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "train", "--force", "--domain", "domain", "--data", "data",
         "--config", "config.yml", "--out", str(out_dir), "--fixed-model-name", "bench"],
        cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"},
    )
    return time.perf_counter() - start


def main(argv=None) -> int:
    from bot.knowledge.loader import load_procedures
    from bot.knowledge.store import KnowledgeStore
    from bot.settings import Settings
    from tests import servers as server_module

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=server_module.MODEL)
    parser.add_argument("--train", action="store_true", help="also time a full training from scratch")
    parser.add_argument("--single", type=int, default=200, help="messages with one sender")
    parser.add_argument("--concurrent", type=int, default=400, help="messages with 20 senders")
    parser.add_argument("--rasa-processes", type=int, default=1,
                        help="Rasa processes sharing a PostgreSQL tracker store and a Redis lock store")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432",
                        help="PostgreSQL server for --rasa-processes > 1 (a fresh database is created)")
    parser.add_argument("--redis", default="127.0.0.1:6379")
    args = parser.parse_args(argv)

    rows = []
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    if args.train:
        seconds = train_time(workdir / "models")
        rows.append(("training time (cold, no cache)", f"{seconds / 60:.1f} min", REFERENCE["training"]))

    settings = Settings.from_env({})
    db_url = f"sqlite:///{workdir / 'knowledge.db'}"
    KnowledgeStore(db_url).sync(load_procedures(settings.procedures_dir).procedures)
    stores = shared_stores(args.postgres, args.redis) if args.rasa_processes > 1 else None
    load_start = time.perf_counter()
    servers = server_module.start(workdir, env={"KNOWLEDGE_DB_URL": db_url}, model=args.model,
                                  stores=stores, rasa_processes=args.rasa_processes)
    load_seconds = time.perf_counter() - load_start
    try:
        urls = [f"{url}/webhooks/rest/webhook" for url in servers.rasa_urls]
        texts = _messages()
        run_load(urls, texts, len(urls), 20 * len(urls), tag="warm")
        single, _, single_errors = run_load(urls[:1], texts, 1, args.single)
        many, rate, many_errors = run_load(urls, texts, 20, args.concurrent)
        memory = [_memory_mb(p.pid, "VmRSS") for p in servers.processes]
        shared = [_memory_mb(p.pid, "Pss") for p in servers.processes]
    finally:
        servers.stop()

    rows += [
        ("model load + servers ready", f"{load_seconds:.0f} s", "about 50 s"),
        (f"1 sender: p50 ({args.single} msgs)", f"{statistics.median(single):.0f} ms", REFERENCE["p50_1"]),
        ("1 sender: p95", f"{percentile(single, 0.95):.0f} ms", REFERENCE["p95_1"]),
        (f"20 senders: throughput ({args.concurrent} msgs)", f"{rate:.1f} msg/s", REFERENCE["rate_20"]),
        ("20 senders: p50", f"{statistics.median(many):.0f} ms", REFERENCE["p50_20"]),
        ("20 senders: p95", f"{percentile(many, 0.95):.0f} ms", REFERENCE["p95_20"]),
        ("errors / empty answers", f"{single_errors + many_errors}", "0"),
        ("memory: action server", f"{memory[0]:.0f} MB", "-"),
        (f"memory: Rasa server x{len(memory) - 1}", f"{sum(memory[1:]):.0f} MB", REFERENCE["memory"]),
        ("memory: all servers, RSS summed", f"{sum(memory):.0f} MB", "shared pages counted per process"),
        ("memory: all servers, PSS summed", f"{sum(shared):.0f} MB", "target <= 2048 MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'this project':>14}  reference (plain Rasa)")
    for name, ours, reference in rows:
        print(f"{name:<{width}}  {ours:>14}  {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
