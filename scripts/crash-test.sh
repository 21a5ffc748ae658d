#!/usr/bin/env bash
# The crash test: ROUNDS (default 100) kill -9 rounds during imports and
# edits on one database. Each round starts scripts/crashdriver, which imports
# 500-row CSV files through the CLI's import code and creates and edits
# customers at the same time, logging every write the code acknowledged;
# after a random 0.3–3.3 s it is killed with -9, and `crashdriver check`
# verifies the file: integrity_check, foreign_key_check, every acknowledged
# write present, every import whole or absent. Minutes, not for CI
# (`make crash-test`).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/crashdriver" ./scripts/crashdriver
db="$work/crash.db"
log="$work/acks.log"
start=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  "$work/crashdriver" run "$db" "$log" 2>>"$work/driver.err" &
  pid=$!
  # 0.3–3.3 s: a kill lands before, inside or after an import's transaction,
  # amid edits and idle checkpoints.
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.3 + (r % 3000) / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! out=$("$work/crashdriver" check "$db" "$log" 2>&1); then
    echo "round $round: FAILED: $out" >&2
    cp "$db" /tmp/crash-failed.db 2>/dev/null || true
    exit 1
  fi
  [ $((round % 10)) -eq 0 ] && echo "round $round: $out"
done
echo "crash test: $ROUNDS kill -9 rounds in $(( $(date +%s) - start )) s, all checks passed"
echo "final: $out"
echo "database: $(du -h "$db" | cut -f1), $(wc -l < "$log") acknowledged writes logged"
