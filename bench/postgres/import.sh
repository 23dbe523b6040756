#!/usr/bin/env bash
# IMDb import into PostgreSQL against a bare COPY FROM STDIN of the same
# rows into the same tables (docs/benchmarks.md, "PostgreSQL").
#
#   MARQUEE_BENCH_POSTGRES=postgres://…/postgres bench/postgres/import.sh [SCALE] [ROUNDS]
#
# Each round: (1) `marquee import imdb --types all` into a fresh database
# (parse, COPY into staging tables, INSERT … ON CONFLICT, rebuild indexes,
# ANALYZE, search indexes); (2) the rows it wrote, dumped with COPY TO,
# loaded with psql's \copy (COPY FROM STDIN) into a second database with
# the same schema (taken with pg_dump --schema-only after the import, so
# the same tables and indexes), in one session with the same
# session_replication_role as the importer. The ratio is baseline time over
# import time for the same rows. Runs under nice on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=${1:-0.1}
ROUNDS=${2:-2}
base=${MARQUEE_BENCH_POSTGRES:?set MARQUEE_BENCH_POSTGRES to a server URL ending in /postgres?…}
dsn() { echo "${base/\/postgres\?//$1?}"; }
work=$(mktemp -d)
trap 'rm -rf "$work"; psql "$base" -qc "DROP DATABASE IF EXISTS mq_import" -qc "DROP DATABASE IF EXISTS mq_copy" >/dev/null 2>&1 || true' EXIT
go build -o "$work/marquee" ./cmd/marquee
"$work/marquee" dev gen-imdb --scale "$SCALE" "$work/data" >/dev/null 2>&1 || { mkdir -p "$work/data"; "$work/marquee" dev gen-imdb --scale "$SCALE" "$work/data" >/dev/null; }
tables="films film_genres alt_titles episodes people credits characters"
echo "scale=$SCALE rounds=$ROUNDS input rows=$(( $(cat "$work"/data/*.tsv | wc -l) - 5 )) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
for r in $(seq "$ROUNDS"); do
  psql "$base" -qc "DROP DATABASE IF EXISTS mq_import" -qc "CREATE DATABASE mq_import" -qc "DROP DATABASE IF EXISTS mq_copy" -qc "CREATE DATABASE mq_copy" >/dev/null
  # Any command that opens the store applies the migrations; backup then
  # declines on PostgreSQL. The schema is thus in place before timing, as
  # it is for the baseline.
  "$work/marquee" backup --db "$(dsn mq_import)" "$work/none" >/dev/null 2>&1 || true
  t0=$(now)
  nice "$work/marquee" import imdb --db "$(dsn mq_import)" --types all "$work/data" > "$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
  t1=$(now)
  rows=0
  for t in $tables; do
    psql "$(dsn mq_import)" -qc "\\copy $t TO '$work/$t.copy'"
    rows=$(( rows + $(wc -l < "$work/$t.copy") ))
  done
  pg_dump --schema-only "$(dsn mq_import)" | psql -q "$(dsn mq_copy)" >/dev/null
  script="SET session_replication_role = replica;"
  for t in $tables; do script="$script
\\copy $t FROM '$work/$t.copy'"; done
  t2=$(now)
  echo "$script" | nice psql -q "$(dsn mq_copy)"
  t3=$(now)
  awk -v r="$r" -v n="$rows" -v i="$(echo "$t1 - $t0" | bc)" -v c="$(echo "$t3 - $t2" | bc)" 'BEGIN {
    printf "round %d: %d rows; import %.2f s (%.0f rows/s); bare COPY %.2f s (%.0f rows/s); import at %.0f%% of COPY\n", r, n, i, n/i, c, n/c, 100*c/i }'
done
