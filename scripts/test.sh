#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting and vet, Go tests on real
# SQLite files, the frontend type check and build, end-to-end tests in
# headless Chromium against the real Go services, and the desktop build
# started in a real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"

step() { echo; echo "=== $*"; }

step "dependencies"
bash scripts/deps.sh

step "frontend type check and build"
(cd frontend && npm run build --silent)

step "frontend lint (oxlint)"
(cd frontend && npm run lint --silent)

step "gofmt, go vet and staticcheck"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt needed: $unformatted" >&2; exit 1; fi
go vet ./...
staticcheck ./...

step "go test"
go test ./...

step "end-to-end tests in headless Chromium"
go build -o build/bin/funneldesk-headless .
(cd frontend && FUNNELDESK_BIN="$PWD/../build/bin/funneldesk-headless" npm run test:e2e --silent)

step "desktop build and smoke test under Xvfb"
bash scripts/smoke.sh
