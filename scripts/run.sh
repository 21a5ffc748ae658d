#!/usr/bin/env bash
# Installs what is needed, builds the desktop app and starts it.
# Extra arguments go to the app, e.g. scripts/run.sh --db /tmp/try.db
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"
bash scripts/deps.sh
(cd frontend && npm run build --silent)
wails build -s
exec ./build/bin/funneldesk "$@"
