#!/usr/bin/env bash
# Benchmark of the IMDb import, all loaders in one run on the same files:
# the baseline loader on mattn/go-sqlite3 and on modernc.org/sqlite, and
# `marquee import imdb --types all` (every title type, so the same rows).
# Rounds are interleaved; the table reports medians, and every run is
# listed after it. On a shared machine wall times swing with the other
# load; CPU time (user+sys) is steadier.
#
#   bench/import.sh [DATA_DIR] [ROUNDS]
#
# DATA_DIR defaults to /work/bench-data/imdb-s1 (make it with
# `marquee dev gen-imdb --scale 1 DIR`). Results go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/work/bench-data/imdb-s1}
ROUNDS=${2:-3}
OUT=bench/out
mkdir -p "$OUT"
go build -o "$OUT/marquee" ./cmd/marquee
go build -o "$OUT/baseline" ./bench/baseline
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
rows=$(( $(cat "$DATA"/*.tsv | wc -l) - $(ls "$DATA"/*.tsv | wc -l) ))

run() { # name command...
	local name=$1; shift
	local db="$OUT/$name.db"
	rm -f "$db" "$db-wal" "$db-shm"
	sync
	/usr/bin/time -v -o "$OUT/$name.time" nice "$@" > "$OUT/$name.log" 2>&1
	local wall cpu rss size
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/$name.time")
	cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$OUT/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$OUT/$name.time")
	size=$(( $(stat -c %s "$db") / 1048576 ))
	printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$size" "$cpu" | tee -a "$RESULTS"
}

for r in $(seq "$ROUNDS"); do
	echo "== round $r"
	run baseline-mattn "$OUT/baseline" -driver mattn -db "$OUT/baseline-mattn.db" "$DATA"
	run baseline-modernc "$OUT/baseline" -driver modernc -db "$OUT/baseline-modernc.db" "$DATA"
	run marquee "$OUT/marquee" import imdb --db "$OUT/marquee.db" --types all "$DATA"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(awk -F'\t' '$1=="baseline-mattn" {print $2}' "$RESULTS" | median)
echo
echo "$rows rows from $DATA, $ROUNDS round(s), medians; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| loader | wall (s) | rows/s | CPU user+sys (s) | peak RSS (MB) | DB size (MB) | wall vs baseline (mattn) |"
echo "|---|---|---|---|---|---|---|"
for name in baseline-mattn baseline-modernc marquee; do
	wall=$(awk -F'\t' -v n=$name '$1==n {print $2}' "$RESULTS" | median)
	rss=$(awk -F'\t' -v n=$name '$1==n {print $3}' "$RESULTS" | median)
	size=$(awk -F'\t' -v n=$name '$1==n {print $4}' "$RESULTS" | median)
	cpu=$(awk -F'\t' -v n=$name '$1==n {print $5}' "$RESULTS" | median)
	awk -v n="$name" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$size" -v rows="$rows" -v b="$base" \
		'BEGIN {printf "| %s | %.1f | %.0f k | %.1f | %d | %d | %.2f× |\n", n, w, rows/w/1000, c, r, s, w/b}'
done
echo
echo "Every run (name, wall s, peak RSS MB, DB MB, CPU s):"
sed 's/^/    /' "$RESULTS"
