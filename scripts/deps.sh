#!/usr/bin/env bash
# Installs what FunnelDesk needs to build, run and test on Debian 12, and
# nothing twice: Debian packages, the pinned Wails CLI and the frontend's npm
# packages. Go (1.26+) and Node.js (20.19+) must already be on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
STATICCHECK_VERSION=v0.8.2 # staticcheck 2026.2.2
APT_PACKAGES=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.0-dev xvfb xauth x11-utils
  chromium fonts-wqy-microhei imagemagick)
# `deps.sh windows` (make windows, make windows-test): only what the Windows
# cross-build and its wine check add; the default set is not installed then.
if [ "${1:-}" = windows ]; then
  APT_PACKAGES=(gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 nsis wine64)
fi

need() { command -v "$1" >/dev/null 2>&1 || { echo "deps: $1 is required but not installed ($2)" >&2; exit 1; }; }
need go "install Go 1.26 or newer from go.dev"
need node "install Node.js 20.19 or newer"
need npm "install npm 10 or newer"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

gobin="$(go env GOPATH)/bin"
if ! "$gobin/wails" version 2>/dev/null | grep -q "$WAILS_VERSION"; then
  echo "deps: installing the Wails CLI $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

if ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
  echo "deps: installing staticcheck $STATICCHECK_VERSION"
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi

# npm ci only when package-lock.json changed since the last install.
stamp=frontend/node_modules/.funneldesk-lock
if [ ! -f "$stamp" ] || ! cmp -s frontend/package-lock.json "$stamp"; then
  echo "deps: npm ci"
  # The registry reached here serves only this platform's builds of optional
  # packages (rollup, esbuild), so the lockfile cannot list the others and
  # `npm ci` may refuse it as out of sync; `npm install --no-save` then
  # installs the same locked versions without rewriting the lockfile.
  (cd frontend && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-save --no-audit --no-fund --loglevel=error; })
  cp frontend/package-lock.json "$stamp"
fi
