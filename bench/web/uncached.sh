#!/usr/bin/env bash
# Uncached web benchmark: a different film on every request, each rendered
# from the database (the page cache bypassed), against nginx serving the
# same pages as static files, in one run, with wrk at 64 connections on
# loopback. Usage:
#   bench/web/uncached.sh DB      DB: a catalog, e.g. from
#                                 marquee dev gen-imdb --scale 1 DIR && marquee import imdb --db DB DIR
# nginx serves SAMPLE (default 2000) of the films, saved from serve; serve
# is asked for films picked at random from FILMS (default 50000) films,
# each URL unique. The machine is shared: both servers run in ROUNDS
# alternating rounds and each figure is the median; compare the ratio,
# not the absolute numbers. Environment: DURATION (10s), ROUNDS (3),
# CONNS (64), THREADS (2), SAMPLE, FILMS, SERVE_PORT (18590), NGINX_PORT (18591), OUT.
# BIN: the marquee binary to measure (default: built from this tree).
# BASE_BIN: a second marquee binary (say, main's) measured in the same
# rounds on BASE_PORT (18592), before BIN in odd rounds and after it in
# even ones, for a before/after in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"
DB=${1:?usage: bench/web/uncached.sh DB}
DURATION=${DURATION:-10s} ROUNDS=${ROUNDS:-3} CONNS=${CONNS:-64} THREADS=${THREADS:-2}
SAMPLE=${SAMPLE:-2000} FILMS=${FILMS:-50000}
SERVE_PORT=${SERVE_PORT:-18590} NGINX_PORT=${NGINX_PORT:-18591} BASE_PORT=${BASE_PORT:-18592}
BIN=${BIN:-} BASE_BIN=${BASE_BIN:-}
OUT=${OUT:-bench/out/web-uncached}
WORK=$(mktemp -d /tmp/marquee-uncached.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$OUT"
SERVE_PID="" NGINX_PID="" BASE_PID=""
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
  [ -n "$BASE_PID" ] && kill "$BASE_PID" 2>/dev/null && wait "$BASE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "$BIN" ]; then cp "$BIN" "$WORK/marquee"; else go build -o "$WORK/marquee" ./cmd/marquee; fi
sqlite3 "$DB" "SELECT '/films/' || slug FROM films ORDER BY random() LIMIT $FILMS" >"$WORK/serve-paths.txt"
head -n "$SAMPLE" "$WORK/serve-paths.txt" >"$WORK/nginx-paths.txt"
TOTAL=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM films')

nice "$WORK/marquee" serve --db "$DB" --addr "127.0.0.1:$SERVE_PORT" --no-demo --log json 2>"$WORK/serve.log" &
SERVE_PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$SERVE_PORT/healthz" 2>/dev/null && break; sleep 0.1; done
if [ -n "$BASE_BIN" ]; then
  cp "$BASE_BIN" "$WORK/marquee-base"
  nice "$WORK/marquee-base" serve --db "$DB" --addr "127.0.0.1:$BASE_PORT" --no-demo --log json 2>"$WORK/base.log" &
  BASE_PID=$!
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$BASE_PORT/healthz" 2>/dev/null && break; sleep 0.1; done
fi

echo "== save $SAMPLE pages for nginx"
mkdir -p "$WORK/www/films"
BYTES=0
while read -r p; do
  curl -fsS -o "$WORK/www$p" "http://127.0.0.1:$SERVE_PORT$p"
done <"$WORK/nginx-paths.txt"
BYTES=$(du -cb "$WORK"/www/films/* | tail -1 | cut -f1)
AVG=$((BYTES / SAMPLE))

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; default_type text/html;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; location / { etag on; } }
}
CONF
nice nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
sleep 0.5

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
stats() {
  local f=$1
  echo "$(awk '/Requests\/sec/ { print $2 }' "$f") $(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")") $(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")") $(awk '/Non-2xx/ { print $4 }' "$f")"
}
: >"$OUT/rounds.txt"
: >"$OUT/cpu.txt"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
measure() { # measure NAME PORT PID: one wrk run of serve's requests, and the server's CPU per request
  echo "== round $round: $1, every request a different film, rendered" >&2
  local c0
  c0=$(cpu_ticks "$3")
  PATHS="$WORK/serve-paths.txt" UNIQUE=1 nice wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/web/films.lua "http://127.0.0.1:$2" >"$OUT/$1-$round.txt"
  echo "$round $1 $(stats "$OUT/$1-$round.txt")" >>"$OUT/rounds.txt"
  echo "$round $1 $(awk -v a="$c0" -v b="$(cpu_ticks "$3")" -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.3f", 1000 * (b - a) / hz / $1 }' "$OUT/$1-$round.txt")" >>"$OUT/cpu.txt"
}
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: nginx" >&2
  PATHS="$WORK/nginx-paths.txt" UNIQUE=0 nice wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/web/films.lua "http://127.0.0.1:$NGINX_PORT" >"$OUT/nginx-$round.txt"
  echo "$round nginx $(stats "$OUT/nginx-$round.txt")" >>"$OUT/rounds.txt"
  # The baseline and serve take turns right after nginx, so that neither
  # always runs on the heels of the same neighbour.
  if [ -n "$BASE_BIN" ] && [ $((round % 2)) -eq 1 ]; then measure base "$BASE_PORT" "$BASE_PID"; fi
  measure serve "$SERVE_PORT" "$SERVE_PID"
  if [ -n "$BASE_BIN" ] && [ $((round % 2)) -eq 0 ]; then measure base "$BASE_PORT" "$BASE_PID"; fi
done
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVE_PID/status")
# Readers map the database file (store/sqlite.go), so RSS counts the file's
# pages they touched; those are the kernel's page cache, shared and
# reclaimable. RssAnon is the process's own memory.
ANON_KB=$(awk '/RssAnon/ { print $2 }' "/proc/$SERVE_PID/status")
FILE_KB=$(awk '/RssFile/ { print $2 }' "/proc/$SERVE_PID/status")
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
med() { awk -v n="$1" -v c="$2" '$2 == n { print $c }' "$OUT/rounds.txt" | median; }
N_RPS=$(med nginx 3) N_P50=$(med nginx 4) N_P99=$(med nginx 5)
S_RPS=$(med serve 3) S_P50=$(med serve 4) S_P99=$(med serve 5)
B_RPS=$(med base 3) B_P50=$(med base 4) B_P99=$(med base 5)
SPREAD=$(awk '$2 == "nginx" { n[$1] = $3 } $2 == "serve" { s[$1] = $3 } END { for (r in n) printf "%s%.1f%%", (c++ ? ", " : ""), 100 * s[r] / n[r] }' "$OUT/rounds.txt")
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) shared cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $CONNS connections, $THREADS wrk threads, $DURATION per measurement, medians of $ROUNDS alternating rounds, all under nice."
  echo "Catalog: $DB, $TOTAL films. serve: random films out of $FILMS, each URL unique (page cache never hits). nginx: $SAMPLE of those pages as static files (average $AVG bytes)."
  echo
  echo "| server | req/s | p50 ms | p99 ms | vs nginx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| nginx, the same pages as static files | $N_RPS | $N_P50 | $N_P99 | 100% |"
  if [ -n "$BASE_BIN" ]; then
    echo "| baseline serve ($BASE_BIN), the same requests | $B_RPS | $B_P50 | $B_P99 | $(awk -v a="$B_RPS" -v b="$N_RPS" 'BEGIN { printf "%.1f", 100 * a / b }')% |"
  fi
  echo "| marquee serve, a different film rendered on every request | $S_RPS | $S_P50 | $S_P99 | $(awk -v a="$S_RPS" -v b="$N_RPS" 'BEGIN { printf "%.1f", 100 * a / b }')% |"
  echo
  [ -n "$BASE_BIN" ] && echo "serve/baseline by round, req/s: $(awk '$2 == "base" { b[$1] = $3 } $2 == "serve" { s[$1] = $3 } END { for (r = 1; r in b; r++) printf "%s%.2f", (c++ ? ", " : ""), s[r] / b[r] }' "$OUT/rounds.txt"); p99: $(awk '$2 == "base" { b[$1] = $5 } $2 == "serve" { s[$1] = $5 } END { for (r in b) printf "%s%.2f", (c++ ? ", " : ""), s[r] / b[r] }' "$OUT/rounds.txt")."
  echo "serve's CPU per request (user + system, ms) by round: $(awk '$2 == "serve" { printf "%s%s", (c++ ? ", " : ""), $3 }' "$OUT/cpu.txt")$([ -n "$BASE_BIN" ] && echo "; the baseline's: $(awk '$2 == "base" { printf "%s%s", (c++ ? ", " : ""), $3 }' "$OUT/cpu.txt")")."
  echo "serve/nginx by round: $SPREAD. Peak RSS of serve: $((RSS_KB / 1024)) MB; at the end $((ANON_KB / 1024)) MB of its own (RssAnon) and $((FILE_KB / 1024)) MB of mapped database file (RssFile). Rounds (round server rps p50 p99 non-2xx):"
  sed 's/^/    /' "$OUT/rounds.txt"
} | tee "$OUT/summary.md"
