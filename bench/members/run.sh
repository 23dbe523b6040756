#!/usr/bin/env bash
# The members' load benchmark (docs/benchmarks.md, "Members under load").
#
#   bench/members/run.sh sqlite DB           # DB: a SQLite catalog, e.g. the 1 M-title one; a copy is used
#   MARQUEE_BENCH_POSTGRES=postgres://…/postgres bench/members/run.sh postgres [IMDB_DIR]
#
# On SQLite the site is served in process on a copy of DB. On PostgreSQL a
# database PG_DB (marquee_members) is made afresh on the server, IMDB_DIR
# (the files of `marquee dev gen-imdb --scale 1 DIR`) is imported into it
# (the demo catalog when no DIR is given), and two `marquee serve`
# processes on it take the members and readers round robin. Knobs: WRITERS
# (200), READERS (64), DURATION (60s), WARMUP (5s), FILMS (5000), THINK
# (1s), PROFILE (a CPU profile file; SQLite only), PG_DB, KEEP_DB (set:
# keep the PostgreSQL database afterwards), REUSE_DB (set: use PG_DB as it
# is, e.g. one kept by an earlier run, instead of making and importing it).
# Everything listens on 127.0.0.1. Exits non-zero on any error or count
# mismatch.
set -euo pipefail
cd "$(dirname "$0")/../.."
engine=${1:?usage: run.sh sqlite DB | run.sh postgres [IMDB_DIR]}
WRITERS=${WRITERS:-200} READERS=${READERS:-64} DURATION=${DURATION:-60s} WARMUP=${WARMUP:-5s}
FILMS=${FILMS:-5000} THINK=${THINK:-1s} PG_DB=${PG_DB:-marquee_members}
PORT_A=${PORT_A:-18191} PORT_B=${PORT_B:-18192}
work=$(mktemp -d)
pids=()
dropdb=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$dropdb" ]; then psql "$dropdb" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/marquee" ./cmd/marquee
go build -o "$work/members" ./bench/members
flags=(-writers "$WRITERS" -readers "$READERS" -d "$DURATION" -warmup "$WARMUP" -films "$FILMS" -think "$THINK")
echo "engine=$engine writers=$WRITERS readers=$READERS duration=$DURATION films=$FILMS think=$THINK cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)" >&2
case "$engine" in
sqlite)
  db=${2:?run.sh sqlite DB}
  cp "$db" "$work/members.db"
  nice "$work/members" -db "$work/members.db" "${flags[@]}" ${PROFILE:+-cpuprofile "$PROFILE"}
  ;;
postgres)
  base=${MARQUEE_BENCH_POSTGRES:?set MARQUEE_BENCH_POSTGRES to a server URL ending in /postgres?…}
  dsn="${base/\/postgres\?//$PG_DB?}"
  if [ -z "${KEEP_DB:-}" ]; then dropdb=$base; fi
  demo=(--no-demo)
  if [ -z "${REUSE_DB:-}" ]; then
    psql "$base" -qc "DROP DATABASE IF EXISTS $PG_DB" -qc "CREATE DATABASE $PG_DB" >/dev/null
    demo=()
    if [ -n "${2:-}" ]; then
      echo "importing $2 into $PG_DB …" >&2
      t0=$(date +%s)
      nice "$work/marquee" import imdb --db "$dsn" "$2" >"$work/import.log" 2>&1 || { tail "$work/import.log"; exit 1; }
      echo "imported in $(( $(date +%s) - t0 )) s" >&2
      demo=(--no-demo)
    fi
  fi
  for port in "$PORT_A" "$PORT_B"; do
    nice "$work/marquee" serve --db "$dsn" --addr "127.0.0.1:$port" --log json --metrics=false "${demo[@]}" 2>>"$work/serve.log" &
    pids+=($!)
    for _ in $(seq 300); do
      curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
      sleep 0.1
    done
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "serve on $port did not start"; cat "$work/serve.log"; exit 1; }
  done
  nice "$work/members" -db "$dsn" -servers "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" "${flags[@]}"
  ;;
*)
  echo "run.sh: unknown engine $engine (sqlite or postgres)" >&2
  exit 2
  ;;
esac
