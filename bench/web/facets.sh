#!/usr/bin/env bash
# Faceted list pages on a big catalog: CPU time the serve process spends on
# one /films page with a genre × decade filter (the list, its count, the
# facet panel, the rows' posters and directors), against the same filter
# through the API's plain list (count and one page in catalog order, no
# facets) as the baseline, in one run. CPU time, not wall time, because the
# machine is shared: it is read from /proc/PID/stat around each request.
# Usage:
#   bench/web/facets.sh DB     DB: e.g. marquee dev gen-imdb --scale 1 DIR && marquee import imdb --db DB DIR
# Environment: REPEAT (5, each URL with a different page so the page cache
# never answers), PORT (18592), BIN (a marquee binary to measure instead of
# building this tree's: to compare two builds in one run on two copies of DB).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"
DB=${1:?usage: bench/web/facets.sh DB}
REPEAT=${REPEAT:-5} PORT=${PORT:-18592}
WORK=$(mktemp -d /tmp/marquee-facets.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
if [ -n "${BIN:-}" ]; then cp "$BIN" "$WORK/marquee"; else go build -o "$WORK/marquee" ./cmd/marquee; fi
"$WORK/marquee" serve --db "$DB" --addr "127.0.0.1:$PORT" --no-demo --log json 2>"$WORK/serve.log" &
PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.1; done
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
measure() { # label, URL with %d for the page
  local label=$1 tmpl=$2 total=0
  for i in $(seq 2 $((REPEAT + 1))); do
    local a b
    a=$(cpu)
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT$(printf "$tmpl" "$i")"
    b=$(cpu)
    total=$((total + b - a))
  done
  echo "$label: $((total * 1000 / TICK / REPEAT)) ms CPU per request (mean of $REPEAT)"
}
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/films" # warm the connection pool and templates
measure "baseline  /api/v1/films?genre=Drama&decade=1990 (count + a page, no facets)" "/api/v1/films?genre=Drama&decade=1990&limit=5%d"
measure "list only /api/v1/films?genre=Drama&decade=1990&sort=title (count + sorted page)" "/api/v1/films?genre=Drama&decade=1990&sort=title&limit=5%d"
measure "page      /films?genre=Drama&decade=1990 (list, facets, rows)" "/films?genre=Drama&decade=1990&page=%d"
measure "page      /films?genre=Comedy&decade=1980 (list, facets, rows)" "/films?genre=Comedy&decade=1980&page=%d"
measure "page      /films (every film, title order)" "/films?page=%d"
measure "page      /films?genre=Drama (one genre, title order)" "/films?genre=Drama&page=%d"
measure "page      /films?genre=Drama&decade=19N0 (first page of five different filters: nothing counted before)" "/films?genre=Drama&decade=19%d0"
