#!/usr/bin/env bash
# Runs the Windows exe's command line under wine64 and compares it with the
# Linux build: `funneldesk.exe --db X demo` then `funnel --json` must be
# byte for byte the Linux JSON, and a GBK CSV must import to the same funnel.
# Slow (a wine prefix, two builds): `make windows-test`, not in
# scripts/test.sh. Needs `make windows` first (build/bin/funneldesk.exe) and
# Debian's wine64 and gcc-mingw-w64-x86-64 (scripts/deps.sh windows).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=build/bin/funneldesk.exe
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || { echo "windows-test: wine64 is not installed (bash scripts/deps.sh windows)" >&2; exit 1; }
[ -f "$exe" ] || { echo "windows-test: $exe is missing (make windows)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# The Linux build of the same source, for the reference output.
(cd frontend && npm run build --silent >/dev/null)
go build -o "$work/funneldesk" .
linux="$work/funneldesk"

"$wine" wineboot --init >/dev/null 2>&1 || true
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -ladvapi32
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
win() { "$wine" "$exe" "$@" 2>&1 | tr -d '\r'; }

fail=0
check() { # name, linux output file, windows output file
  if cmp -s "$2" "$3"; then echo "ok   $1"; else echo "FAIL $1"; diff "$2" "$3" | head -20 || true; fail=1; fi
}

# 1. demo, then the funnel as JSON.
"$linux" --db "$work/l1.db" demo >/dev/null
"$linux" --db "$work/l1.db" funnel --json >"$work/l1.json"
win --db 'C:\\fd\\w1.db' demo >/dev/null
win --db 'C:\\fd\\w1.db' funnel --json >"$work/w1.json"
check "demo + funnel --json byte for byte" "$work/l1.json" "$work/w1.json"

# 2. a GBK CSV (Excel's "CSV" on Chinese Windows) imports to the same funnel.
printf '销售机会名称,客户名称,金额,阶段,预计成交日期,负责人\n购买五十用户,华东商贸,12345.60,初期沟通,2026-03-15,张三\n年度维保,西部医药,8000,商务谈判,2026-04-01,李四\n' |
  iconv -f UTF-8 -t GBK >"$work/gbk.csv"
mkdir -p "$WINEPREFIX/drive_c/fd"
cp "$work/gbk.csv" "$WINEPREFIX/drive_c/fd/gbk.csv"
# The summary names the file: compare it without the path.
"$linux" --db "$work/l2.db" import opportunities "$work/gbk.csv" --default-owner 张三 | sed 's/ from .* \[/ [/' >"$work/l2.out"
"$linux" --db "$work/l2.db" funnel --json >"$work/l2.json"
win --db 'C:\\fd\\w2.db' import opportunities 'C:\\fd\\gbk.csv' --default-owner 张三 | sed 's/ from .* \[/ [/' >"$work/w2.out"
win --db 'C:\\fd\\w2.db' funnel --json >"$work/w2.json"
check "GBK CSV import: same summary" "$work/l2.out" "$work/w2.out"
check "GBK CSV import: same funnel" "$work/l2.json" "$work/w2.json"
grep -q '"count":2' "$work/w2.json" || { echo "FAIL the GBK import did not land 2 opportunities"; fail=1; }

# 3. backup and restore on Windows paths.
win --db 'C:\\fd\\w1.db' backup --to 'C:\\fd\\w1-copy.db' >"$work/w3.out"
grep -q "3 opportunities" "$work/w3.out" && echo "ok   backup --to on a Windows path" || { echo "FAIL backup: $(cat "$work/w3.out")"; fail=1; }
win --db 'C:\\fd\\w2.db' restore 'C:\\fd\\w1-copy.db' >"$work/w4.out"
win --db 'C:\\fd\\w2.db' funnel --json >"$work/w4.json"
check "restore, then the funnel is the backup's" "$work/l1.json" "$work/w4.json"

win version || true
exit $fail
