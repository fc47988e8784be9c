#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing (needs root).
# Without it the browser tests skip with a printed reason; everything else runs.
set -u
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium not installed and cannot install it here (need root and apt-get): browser tests will be skipped" >&2
  exit 0
fi
echo "installing Debian's chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null \
  || echo "chromium could not be installed: browser tests will be skipped" >&2
exit 0
