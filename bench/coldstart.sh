#!/usr/bin/env bash
# Cold start of the desktop app (issue 15: ≤ 1 s to the first rendered
# screen, resident memory < 300 MB at 1M). Starts the real Wails binary in a
# real window under Xvfb N times on a database and prints, for each start, the
# time from process start to the "FunnelDesk UI ready" line (the frontend
# sends it once the 工作台 shows its figures) and the memory then: the
# resident set of the Go process (the GTK UI process), the resident sets of
# the whole app (Go process plus WebKit's web and network processes; shared
# libraries counted in each) and its proportional set (shared pages counted
# once). With NAV=1 it then clicks 销售机会 and 销售漏斗 and
# reads the memory again after each.
#
#   bench/coldstart.sh DB                 # 5 starts of build/bin/funneldesk on DB
#   N=9 NAV=1 bench/coldstart.sh DB
#   BIN=path/to/funneldesk bench/coldstart.sh DB
#   FIRST_OF_DAY=1 bench/coldstart.sh DB  # delete DB's backups before each start
#                                          # (the first start of a day backs up)
#   EVICT=1 bench/coldstart.sh DB         # drop DB from the page cache first
#   FLOOR=build/bin/coldfloor bench/coldstart.sh DB
#       # before each start, start WebKitGTK's floor (bench/coldfloor: an
#       # empty Wails page) and print its figures beside: the machine's load
#       # moves both alike
#
# The app may write to DB (WAL, today's automatic backup beside it in
# backups/, which it starts 2 s after the first screen): run it on a copy.
# Build the binary first (make build).
# FUNNELDESK_STARTUP_TRACE=1 is set, so the app prints the time of each
# start-up step; the script prints their medians as a breakdown.
set -euo pipefail
cd "$(dirname "$0")/.."

db=${1:?usage: bench/coldstart.sh DB}
bin=${BIN:-build/bin/funneldesk}
floor=${FLOOR:-}
n=${N:-5}
out=${COLDSTART_OUT:-build/coldstart}
mkdir -p "$out"
[ -x "$bin" ] || { echo "coldstart: no $bin (make build)" >&2; exit 1; }

display=":$(( 200 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
stamper=""
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null
	[ -n "$stamper" ] && kill "$stamper" 2>/dev/null
	kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1

# rss_kb PID: resident kB of PID; tree_kb PID: of PID and its descendants.
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
tree_kb() {
	local total kids k
	total=$(rss_kb "$1")
	kids=$(ps -o pid= --ppid "$1" 2>/dev/null || true)
	for k in $kids; do total=$(( total + $(tree_kb "$k") )); done
	echo "$total"
}
# pss_kb PID: the proportional set size of PID and its descendants (shared
# library pages counted once across the processes, not in each).
pss_kb() {
	local total kids k
	total=$(awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0)
	kids=$(ps -o pid= --ppid "$1" 2>/dev/null || true)
	for k in $kids; do total=$(( total + $(pss_kb "$k") )); done
	echo "$total"
}
mem() { echo "$(( $(rss_kb "$1") / 1024 )) $(( $(tree_kb "$1") / 1024 )) $(( $(pss_kb "$1") / 1024 ))"; }
# click on the nav item at y in the window (Xvfb has no window manager: the
# window sits where GTK centred it) and wait for the screen to settle.
click() {
	local pos
	pos=$(DISPLAY="$display" xdotool search --name 'FunnelDesk' getwindowgeometry 2>/dev/null | awk '/Position:/ {print $2; exit}')
	DISPLAY="$display" xdotool mousemove $(( ${pos%%,*} + 100 )) $(( ${pos##*,} + $1 )) click 1
	sleep "${NAV_WAIT:-4}"
}
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) * 1000 }'; }

# launch BIN LOG: starts BIN on $db with its stdout stamped line by line into
# LOG (bash's EPOCHREALTIME: no fork), waits for the UI-ready line and sets
# app (its pid), t0 (its start) and ready_ms.
launch() {
	local fifo="$out/fifo" ready=""
	rm -f "$fifo" && mkfifo "$fifo"
	: >"$2"
	( while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done <"$fifo" >>"$2" ) &
	stamper=$!
	t0=$EPOCHREALTIME
	DISPLAY="$display" FUNNELDESK_STARTUP_TRACE=1 "$1" --db "$db" >"$fifo" 2>"$2.err" &
	app=$!
	for _ in $(seq 1 3000); do
		if ready=$(grep -m1 "FunnelDesk UI ready" "$2" 2>/dev/null | cut -d' ' -f1) && [ -n "$ready" ]; then break; fi
		if ! kill -0 "$app" 2>/dev/null; then echo "coldstart: $1 exited early" >&2; cat "$2.err" >&2; exit 1; fi
		sleep 0.01
	done
	[ -n "$ready" ] || { echo "coldstart: no UI-ready line from $1 in 30 s" >&2; exit 1; }
	ready_ms=$(ms "$t0" "$ready")
}
stop() {
	kill "$app" 2>/dev/null || true
	wait "$app" 2>/dev/null || true
	app=""
	# a daily backup the kill cut short
	rm -f "$(dirname "$db")"/backups/*.partial "$(dirname "$db")"/backups/*.partial-journal
	wait "$stamper" 2>/dev/null || true
	stamper=""
	sleep 1
}

echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $bin on $db ($(du -h "$db" | cut -f1))"
results=()
floors=()
for i in $(seq 1 "$n"); do
	if [ -n "$floor" ]; then
		launch "$floor" "$out/floor$i.log"
		floors+=("$ready_ms $(mem "$app")")
		printf 'start %d: floor %5d ms | ' "$i" "$ready_ms"
		stop
	else
		printf 'start %d: ' "$i"
	fi
	if [ -n "${FIRST_OF_DAY:-}" ]; then rm -rf "$(dirname "$db")/backups"; fi
	if [ -n "${EVICT:-}" ]; then
		python3 -c 'import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$db"
	fi
	log="$out/run$i.log"
	launch "$bin" "$log"
	line="$ready_ms $(mem "$app")"
	printf 'ready %5d ms  rss %4d MB, app+webkit rss %4d MB pss %4d MB' $line
	[ "$i" = "$n" ] && DISPLAY="$display" import -window root "$out/ready.png"
	if [ -n "${NAV:-}" ]; then
		sleep 1
		click 228 # 销售机会
		line="$line $(mem "$app")"
		[ "$i" = "$n" ] && DISPLAY="$display" import -window root "$out/opportunities.png"
		click 308 # 销售漏斗
		line="$line $(mem "$app")"
		[ "$i" = "$n" ] && DISPLAY="$display" import -window root "$out/funnel.png"
		set -- $line
		printf ' | opportunities %d / %d / %d MB | funnel %d / %d / %d MB' "$5" "$6" "$7" "$8" "$9" "${10}"
	fi
	echo
	results+=("$line")
	# the step times the app traced, relative to t0
	awk -v t0="$t0" '/FunnelDesk start-up:/ { sub(/.*FunnelDesk start-up: /, ""); n = split($0, kv, " "); for (j = 1; j <= n; j++) { split(kv[j], p, "="); printf "%s=%d\n", p[1], p[2] - t0 * 1000 } }' "$log" >"$out/steps$i.txt"
	stop
done

if [ -n "$floor" ]; then
	printf '%s\n' "${floors[@]}" | awk '{ t[NR] = $1; m[NR] = $4 } END {
		for (i = 2; i <= NR; i++) { x = t[i]; j = i - 1; while (j > 0 && t[j] > x) { t[j+1] = t[j]; j-- } t[j+1] = x }
		printf "== floor (empty Wails page, same runs): ready median %d, min %d, max %d ms; pss %d MB\n", (NR % 2) ? t[(NR+1)/2] : (t[NR/2] + t[NR/2+1]) / 2, t[1], t[NR], m[1] }'
fi
# median and max of each column
printf '%s\n' "${results[@]}" | awk -v nav="${NAV:-}" '
function stat(c,   m, i, j, x, v) {
	m = 0; for (i = 1; i <= NR; i++) v[++m] = col[i, c]
	for (i = 2; i <= m; i++) { x = v[i]; j = i - 1; while (j > 0 && v[j] > x) { v[j+1] = v[j]; j-- } v[j+1] = x }
	return sprintf("median %d, min %d, max %d", (m % 2) ? v[(m+1)/2] : (v[m/2] + v[m/2+1]) / 2, v[1], v[m])
}
{ for (c = 1; c <= NF; c++) col[NR, c] = $c + 0 }
END {
	print "== " NR " starts"
	print "ready (ms):                  " stat(1)
	print "memory at ready (MB):         rss " stat(2) "; app+webkit rss " stat(3) "; pss " stat(4)
	if (nav) {
		print "memory on opportunities (MB): rss " stat(5) "; app+webkit rss " stat(6) "; pss " stat(7)
		print "memory on the funnel (MB):    rss " stat(8) "; app+webkit rss " stat(9) "; pss " stat(10)
	}
}'
# breakdown: the median of each traced step (ms after process start)
if cat "$out"/steps*.txt 2>/dev/null | grep -q .; then
	echo "== start-up steps, ms after process start (median of $n)"
	cat "$out"/steps*.txt | awk -F= '
	{ if (!($1 in seen)) { order[++k] = $1; seen[$1] = 1 } vals[$1] = vals[$1] " " $2 }
	END {
		for (q = 1; q <= k; q++) {
			m = split(substr(vals[order[q]], 2), v, " ")
			for (i = 2; i <= m; i++) { x = v[i] + 0; j = i - 1; while (j > 0 && v[j] + 0 > x) { v[j+1] = v[j]; j-- } v[j+1] = x }
			printf "  %-22s %6d\n", order[q], (m % 2) ? v[(m+1)/2] : (v[m/2] + v[m/2+1]) / 2
		}
	}' | sort -k2 -n
fi
rm -f "$out"/steps*.txt "$out/fifo"
