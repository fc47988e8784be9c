#!/usr/bin/env bash
# Print the path of a working Python 3.10 interpreter (Rasa 3.6 supports <= 3.10).
set -u
for candidate in "${PYTHON:-}" python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10 \
                 "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /root/.pyenv/versions/3.10*/bin/python3.10; do
  [ -n "$candidate" ] || continue
  if version=$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) \
     && [ "$version" = "3.10" ]; then
    command -v "$candidate" 2>/dev/null || echo "$candidate"
    exit 0
  fi
done
echo "Python 3.10 not found: install it (e.g. apt-get install python3.10 or pyenv install 3.10) or set PYTHON=/path/to/python3.10" >&2
exit 1
