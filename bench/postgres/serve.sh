#!/usr/bin/env bash
# Film-page throughput with one `marquee serve` process and with two, on
# one PostgreSQL database (docs/benchmarks.md, "PostgreSQL").
#
#   bench/postgres/serve.sh            # starts a throwaway cluster (needs root or the postgres user)
#   MARQUEE_BENCH_POSTGRES=postgres://… bench/postgres/serve.sh   # an existing server; a database is created in it
#
# Knobs: ROUNDS (3), SECONDS_PER_ROUND (8), WORKERS (16), SERVE_PROCS (1:
# GOMAXPROCS of each serve, so each process stands for one machine of fixed
# size; set 0 to leave Go's default), SERVE_CPU_QUOTA (unset: each serve may
# use a whole core; e.g. 0.35: each serve process is held to 0.35 of a core
# with a cgroup-v1 CPU quota, standing for a web machine of fixed size on a
# box too small to give every process its own cores; needs root and a
# writable /sys/fs/cgroup/cpu). Rounds interleave one and two
# processes so drift on a busy machine hits both alike. Everything listens
# on 127.0.0.1 and runs under nice.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-8}
WORKERS=${WORKERS:-16}
SERVE_PROCS=${SERVE_PROCS:-1}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}

work=$(mktemp -d)
pids=()
cgroups=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for g in "${cgroups[@]}"; do rmdir "$g" 2>/dev/null || true; done
  if [ -n "${PGDATA_DIR:-}" ]; then
    su postgres -c "$PGBIN/pg_ctl -D $PGDATA_DIR -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/marquee" ./cmd/marquee
go build -o "$work/loadgen" ./bench/loadgen

base=${MARQUEE_BENCH_POSTGRES:-}
if [ -z "$base" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PGDATA_DIR="$work/pg"
  mkdir -p "$PGDATA_DIR" && chown postgres "$work" "$PGDATA_DIR"
  su postgres -c "$PGBIN/initdb -D $PGDATA_DIR --auth=trust -U postgres" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA_DIR -l $work/pg.log -w -o '-c listen_addresses=127.0.0.1 -p 55439 -k $work -c fsync=off' start" >/dev/null
  base="postgres://postgres@127.0.0.1:55439/postgres?sslmode=disable"
fi
psql "$base" -qc "DROP DATABASE IF EXISTS marquee_bench" -qc "CREATE DATABASE marquee_bench" >/dev/null
dsn="${base/\/postgres\?//marquee_bench?}"

start_serve() { # port
  local env=()
  if [ "$SERVE_PROCS" != 0 ]; then env=(GOMAXPROCS="$SERVE_PROCS"); fi
  env "${env[@]}" nice "$work/marquee" serve --db "$dsn" --addr "127.0.0.1:$1" --log json --metrics=false 2>>"$work/serve.log" &
  pids+=($!)
  if [ -n "${SERVE_CPU_QUOTA:-}" ]; then
    local g="/sys/fs/cgroup/cpu/marquee_bench_$1"
    mkdir -p "$g"
    cgroups+=("$g")
    awk -v q="$SERVE_CPU_QUOTA" 'BEGIN {printf "%d\n", q * 100000}' > "$g/cpu.cfs_quota_us"
    echo "${pids[-1]}" > "$g/cgroup.procs"
  fi
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "serve on port $1 did not start"; cat "$work/serve.log"; exit 1
}

start_serve "$PORT_A"   # loads the demo catalog into the empty database
start_serve "$PORT_B"
A="http://127.0.0.1:$PORT_A"
B="http://127.0.0.1:$PORT_B"

echo "engine=postgres workers=$WORKERS seconds=$SECONDS_PER_ROUND serve_gomaxprocs=$SERVE_PROCS serve_cpu_quota=${SERVE_CPU_QUOTA:-none} cores=$(nproc)"
one=(); two=()
for r in $(seq "$ROUNDS"); do
  o=$(nice "$work/loadgen" -servers "$A" -c "$WORKERS" -d "${SECONDS_PER_ROUND}s")
  t=$(nice "$work/loadgen" -servers "$A,$B" -c "$WORKERS" -d "${SECONDS_PER_ROUND}s")
  echo "round $r one process:   $o"
  echo "round $r two processes: $t"
  one+=("$(echo "$o" | sed 's/.*"rps":\([0-9.]*\).*/\1/')")
  two+=("$(echo "$t" | sed 's/.*"rps":\([0-9.]*\).*/\1/')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratios=()
for i in "${!one[@]}"; do ratios+=("$(awk -v a="${one[$i]}" -v b="${two[$i]}" 'BEGIN {printf "%.2f", b/a}')"); done
m1=$(median "${one[@]}"); m2=$(median "${two[@]}")
echo "median film pages/s: one process $m1, two processes $m2; per-round ratios ${ratios[*]}, median ratio $(median "${ratios[@]}")"
