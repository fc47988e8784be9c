#!/usr/bin/env bash
# Start the action server and the Rasa server (REST channel) on the embedded
# defaults; Ctrl-C (or `make stop`) stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
mkdir -p var/run var/log

stop_all() {
  for pidfile in var/run/actions.pid var/run/rasa.pid var/run/web.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
}
trap stop_all EXIT INT TERM

.venv/bin/rasa run actions --actions actions --port "$ACTIONS_PORT" >var/log/actions.log 2>&1 &
echo $! > var/run/actions.pid

.venv/bin/rasa run --enable-api --cors "*" --port "$RASA_PORT" \
  --model models/tro-ly.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  >var/log/rasa.log 2>&1 &
echo $! > var/run/rasa.pid

.venv/bin/python -m http.server "$WEB_PORT" --bind 127.0.0.1 --directory web >var/log/web.log 2>&1 &
echo $! > var/run/web.pid

echo "Đang tải mô hình (khoảng 1 phút)... / Loading the model (about a minute)..."
for _ in $(seq 1 240); do
  if curl -fsS "http://localhost:${RASA_PORT}/status" >/dev/null 2>&1; then
    cat <<MSG

Trợ lý đã sẵn sàng / The assistant is ready.
  Web:      http://localhost:${WEB_PORT}  (trang cổng minh họa có khung chat / demo portal page with the widget)
  REST:     curl -s -XPOST http://localhost:${RASA_PORT}/webhooks/rest/webhook \\
              -H 'Content-Type: application/json' \\
              -d '{"sender":"dan","message":"dang ky khai sinh can giay to gi"}'
  Terminal: make shell   (ở cửa sổ khác / in another terminal)
  Logs:     var/log/rasa.log, var/log/actions.log
  Dừng / stop: Ctrl-C hoặc make stop
MSG
    wait -n
    echo "A server stopped; see var/log/." >&2
    exit 1
  fi
  if ! kill -0 "$(cat var/run/rasa.pid)" 2>/dev/null; then
    echo "The Rasa server failed to start; see var/log/rasa.log" >&2
    tail -20 var/log/rasa.log >&2
    exit 1
  fi
  sleep 1
done
echo "The Rasa server did not become ready in 4 minutes; see var/log/rasa.log" >&2
exit 1
