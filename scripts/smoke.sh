#!/usr/bin/env bash
# Desktop smoke test: builds the real Wails binary, starts it in a real window
# under Xvfb on a fresh database, waits until the UI reports it rendered its
# main screen, takes a screenshot and fails unless the screen shows a rendered
# page (not a blank or single-colour window).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"

out=${SMOKE_OUT:-build/smoke}
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.log "$out"/*.db*

if [ "${SMOKE_SKIP_BUILD:-}" != 1 ]; then
  wails build -s >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fi

display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1

DISPLAY="$display" ./build/bin/funneldesk --db "$out/smoke.db" >"$out/app.log" 2>&1 &
app=$!

ready=""
for _ in $(seq 1 120); do
  if grep -q "FunnelDesk UI ready" "$out/app.log"; then ready=1; break; fi
  if ! kill -0 "$app" 2>/dev/null; then echo "smoke: the app exited early" >&2; cat "$out/app.log" >&2; exit 1; fi
  sleep 0.5
done
if [ -z "$ready" ]; then echo "smoke: the UI never reported it rendered" >&2; cat "$out/app.log" >&2; exit 1; fi
sleep 2 # let the first paint settle
DISPLAY="$display" import -window root "$out/desktop.png"

colours=$(identify -format '%k' "$out/desktop.png")
title=$(DISPLAY="$display" xwininfo -root -tree | grep -o '"FunnelDesk 销售漏斗"' | head -n1 || true)
echo "smoke: screenshot $out/desktop.png with $colours colours; window title ${title:-missing}"
if [ -z "$title" ]; then echo "smoke: no window titled FunnelDesk 销售漏斗" >&2; exit 1; fi
if [ "$colours" -lt 200 ]; then echo "smoke: the window looks blank ($colours colours)" >&2; exit 1; fi
echo "1 passed, 0 failed"
