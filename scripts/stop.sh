#!/usr/bin/env bash
# Stop the servers started by scripts/run.sh.
cd "$(dirname "$0")/.."
for pidfile in var/run/actions.pid var/run/rasa.pid var/run/web.pid; do
  if [ -f "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null && echo "stopped $(basename "$pidfile" .pid)"
    rm -f "$pidfile"
  fi
done
