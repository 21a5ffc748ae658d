#!/usr/bin/env bash
# Runs the FunnelDesk performance benchmarks against a 1,000,000-opportunity
# database (generated under bench/data/ when missing; about a minute) and
# prints a table. A few minutes in all.
#
#   bench/run.sh            # generate if missing, run everything
#   REGEN=1 bench/run.sh    # regenerate the database first (after a schema change)
#   BENCH='List/sort' bench/run.sh   # only the benchmarks matching a -bench pattern
#   BENCHTIME=2s COUNT=3 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

db=${FUNNELDESK_BENCH_DB:-$PWD/bench/data/bench.db}
pattern=${BENCH:-.}
benchtime=${BENCHTIME:-1s}
count=${COUNT:-1}

# The database is made again when the generator or the migrations changed
# (store.Open applies only migrations numbered above the file's highest, so
# an old file may lack a newer index).
stamp=$(cat bench/gen/*.go backend/store/migrations/*.sql | sha256sum | cut -c1-16)
if [[ -n "${REGEN:-}" || ! -f "$db" || "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]]; then
	echo "== generating $db (1,000,000 opportunities, 100,000 customers, 20 owners, seed 1)"
	go run ./bench/gen -db "$db" -opportunities 1000000 -customers 100000 -owners 20 -seed 1 -force
	echo "$stamp" >"$db.stamp"
fi
# Opening a file that needs migrating leaves a backup beside it.
rm -f "$db".v*.bak
export FUNNELDESK_BENCH_DB=$db

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "== $(date)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for pkg in ./backend/opportunity/ ./backend/customer/ ./backend/funnel/ ./backend/dashboard/ ./backend/lead/ ./backend/target/ ./backend/changes/ ./backend/task/; do
	go test -run '^$' -bench "$pattern" -benchtime "$benchtime" -count "$count" "$pkg" | tee -a "$out" | grep -E "^(Benchmark|ok|FAIL|---)" || true
done

# The every-call budget (issue 15) on the database the CLI importer built:
# bench/importdb.sh makes it once (several minutes). It prints its own
# table and fails this script when a call is over its budget.
idb=${FUNNELDESK_IMPORT_DB:-$PWD/bench/data/import.db}
if [[ -n "${REGEN:-}" || ! -f "$idb" ]]; then
	echo "== building $idb with the CLI importer"
	bench/importdb.sh "$idb"
fi
rm -f "$idb".v*.bak
budget_status=0
FUNNELDESK_BENCH_DB=$idb go test -run '^$' -bench Budget -benchtime 1x -timeout 30m ./bench/budget/ || budget_status=$?

# The desktop cold start (issue 15) on a copy of the same database, when the
# desktop binary is built (make build) and Xvfb is installed.
if [[ -x build/bin/funneldesk ]] && command -v Xvfb >/dev/null; then
	cdb=$PWD/bench/data/coldstart/coldstart.db
	mkdir -p "$(dirname "$cdb")"
	cp "$idb" "$cdb"
	go build -tags desktop,production -ldflags "-w -s" -o build/bin/coldfloor ./bench/coldfloor
	FLOOR=build/bin/coldfloor N=${COLDSTART_N:-5} NAV=1 bench/coldstart.sh "$cdb" || true
fi

# One row per benchmark: the median of its runs, in ms (ns/op / 1e6).
echo
echo "| benchmark | ms/op | matches | runs |"
echo "|---|---:|---:|---:|"
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
	if (pkg ~ /\/backend\/customer$/) name = "customer." name
	if (pkg ~ /\/backend\/funnel$/) name = "funnel." name
	if (pkg ~ /\/backend\/dashboard$/) name = "dashboard." name
	if (pkg ~ /\/backend\/lead$/) name = "lead." name
	if (pkg ~ /\/backend\/changes$/) name = "changes." name
	if (pkg ~ /\/backend\/task$/) name = "task." name
	ns = ""; extra = ""
	for (i = 2; i <= NF; i++) {
		if ($i == "ns/op") ns = $(i-1)
		if ($i == "total") extra = $(i-1)
		if ($i == "rows/s" || $i == "rows/cpu-s") extra = extra (extra == "" ? "" : ", ") $(i-1) " " $i
	}
	if (!(name in seen)) { order[++n] = name; seen[name] = 1 }
	runs[name] = runs[name] " " ns
	info[name] = extra
}
/^pkg:/ { pkg = $2 }
END {
	for (k = 1; k <= n; k++) {
		name = order[k]
		m = split(substr(runs[name], 2), v, " ")
		# median by insertion sort
		for (i = 2; i <= m; i++) { x = v[i]; j = i - 1; while (j > 0 && v[j] + 0 > x + 0) { v[j+1] = v[j]; j-- } v[j+1] = x }
		med = (m % 2) ? v[(m+1)/2] : (v[m/2] + v[m/2+1]) / 2
		printf "| %s | %.2f | %s | %d |\n", name, med / 1e6, info[name], m
	}
}' "$out"
exit $budget_status
