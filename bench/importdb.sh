#!/usr/bin/env bash
# Builds the 1,000,000-opportunity benchmark database the way acceptance
# does: CSV files written by bench/importcsv, imported with the command-line
# importer (`funneldesk import opportunities FILE`, 100,000 rows a file, each
# all or nothing). The last file's import is the "100,000 rows into the 1M
# database" figure; its time is printed.
#
#   bench/importdb.sh [DB]     # default bench/data/import.db
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-$PWD/bench/data/import.db}
csv=$(dirname "$db")/csv
mkdir -p "$csv"
[[ -f "$csv/part10.csv" ]] || go run ./bench/importcsv -dir "$csv" -opportunities 1000000 -customers 100000
bin=$(mktemp -d)/funneldesk
trap 'rm -rf "$(dirname "$bin")"' EXIT
[[ -d frontend/dist ]] || (cd frontend && npm run build --silent)
go build -o "$bin" .
rm -f "$db" "$db-wal" "$db-shm"
for f in "$csv"/part0*.csv; do
	"$bin" --db "$db" import opportunities "$f" >/dev/null
done
start=$(date +%s.%N)
"$bin" --db "$db" import opportunities "$csv/part10.csv"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "== last 100,000 rows into the 900,000-row database: %.2f s, %.0f rows/s (whole command: read, check, write)\n", e - s, 100000 / (e - s) }'
