#!/usr/bin/env bash
# Web benchmark: the Red Rocket film page served by `marquee serve` against
# the same bytes served by nginx as a static file, in one run, on loopback,
# with wrk at 64 connections. Everything runs under nice; nothing is left
# running. Usage:
#   bench/web/run.sh [DB]     DB defaults to a private copy of
#                             /work/bench-data/scale1.db when it is ready,
#                             else a fresh demo database.
# The machine is shared, so the servers are measured in ROUNDS alternating
# rounds and each figure is the median over the rounds.
# Environment: DURATION (default 10s), ROUNDS (3), CONNS (64), THREADS (2),
#              SERVE_PORT (18490), NGINX_PORT (18491), GO_PORT (18492),
#              OUT (bench/out/web).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
SERVE_PORT=${SERVE_PORT:-18490}
NGINX_PORT=${NGINX_PORT:-18491}
GO_PORT=${GO_PORT:-18492}
OUT=${OUT:-bench/out/web}
PAGE=/films/red-rocket-2021
WORK=$(mktemp -d /tmp/marquee-webbench.XXXXXX)
chmod 755 "$WORK" # nginx workers read the page as an unprivileged user
mkdir -p "$OUT"

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "need $tool: apt-get install -y wrk nginx" >&2; exit 1; }
done

SERVE_PID="" NGINX_PID="" GO_PID=""
cleanup() {
  [ -n "$GO_PID" ] && kill "$GO_PID" 2>/dev/null || true
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

DB=${1:-}
DBNOTE=""
if [ -z "$DB" ]; then
  if [ -f /work/bench-data/READY ] && [ -f /work/bench-data/scale1.db ]; then
    DB=/tmp/marquee-webbench-scale1.db
    if [ ! -f "$DB" ]; then
      echo "== copying /work/bench-data/scale1.db to $DB (the shared file is never written)"
      cp /work/bench-data/scale1.db "$DB"
    fi
    DBNOTE="copy of /work/bench-data/scale1.db"
  else
    DB=$WORK/demo.db
    DBNOTE="demo catalog only (the 1M-title database was not available)"
  fi
fi

echo "== build"
go build -o "$WORK/marquee" ./cmd/marquee
go build -o "$WORK/static" ./bench/web/static
echo "== load the demo catalog into $DB"
nice go run ./bench/web/loaddemo "$DB"
FILMS=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM films' 2>/dev/null || echo "?")
PEOPLE=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM people' 2>/dev/null || echo "?")

echo "== start serve on 127.0.0.1:$SERVE_PORT"
nice "$WORK/marquee" serve --db "$DB" --addr "127.0.0.1:$SERVE_PORT" --no-demo --log json 2>"$WORK/serve.log" &
SERVE_PID=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$SERVE_PORT/healthz" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o "$WORK/page.html" "http://127.0.0.1:$SERVE_PORT$PAGE"
BYTES=$(wc -c <"$WORK/page.html")

echo "== start nginx on 127.0.0.1:$NGINX_PORT serving the same $BYTES bytes"
mkdir -p "$WORK/www/films" "$WORK/nginx"
cp "$WORK/page.html" "$WORK/www$PAGE"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { etag on; }
  }
}
CONF
nice nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
sleep 0.5
cmp -s "$WORK/page.html" <(curl -fsS "http://127.0.0.1:$NGINX_PORT$PAGE") || { echo "nginx serves different bytes" >&2; exit 1; }
nice "$WORK/static" "$WORK/page.html" "127.0.0.1:$GO_PORT" &
GO_PID=$!
sleep 0.3

run_wrk() { # name url [script]
  local name=$1 url=$2 script=${3:-}
  echo "== wrk $name: $url ($THREADS threads, $CONNS connections, $DURATION)" >&2
  nice wrk -t"$THREADS" -c"$CONNS" -d2s ${script:+-s "$script"} "$url" >/dev/null # warm
  nice wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency ${script:+-s "$script"} "$url" | tee "$OUT/$name.txt" >&2
}
to_ms() { # wrk latency (e.g. 812.00us, 3.21ms, 1.02s) → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
stats() { # file → "rps p50 p99"
  local f=$1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ { print $2 }' "$f")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")
  echo "$rps $p50 $p99"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$OUT/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  for name in nginx go-static serve serve-uncached; do
    case $name in
      nginx) run_wrk "$name-$round" "http://127.0.0.1:$NGINX_PORT$PAGE" ;;
      go-static) run_wrk "$name-$round" "http://127.0.0.1:$GO_PORT$PAGE" ;;
      serve) run_wrk "$name-$round" "http://127.0.0.1:$SERVE_PORT$PAGE" ;;
      serve-uncached) run_wrk "$name-$round" "http://127.0.0.1:$SERVE_PORT$PAGE" bench/web/uncached.lua ;;
    esac
    echo "$round $name $(stats "$OUT/$name-$round.txt")" >>"$OUT/rounds.txt"
  done
done
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVE_PID/status")

med() { # name column(3 rps, 4 p50, 5 p99)
  awk -v n="$1" -v c="$2" '$2 == n { print $c }' "$OUT/rounds.txt" | median
}
N_RPS=$(med nginx 3) N_P50=$(med nginx 4) N_P99=$(med nginx 5)
G_RPS=$(med go-static 3) G_P50=$(med go-static 4) G_P99=$(med go-static 5)
S_RPS=$(med serve 3) S_P50=$(med serve 4) S_P99=$(med serve 5)
U_RPS=$(med serve-uncached 3) U_P50=$(med serve-uncached 4) U_P99=$(med serve-uncached 5)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }
RATIO=$(ratio "$S_RPS" "$N_RPS") GRATIO=$(ratio "$G_RPS" "$N_RPS") URATIO=$(ratio "$U_RPS" "$N_RPS")
RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.0f", k / 1024 }')
# Each round's serve/nginx ratio, to show the spread.
SPREAD=$(awk '$2 == "nginx" { n[$1] = $3 } $2 == "serve" { s[$1] = $3 } END { for (r in n) printf "%s%.0f%%", (c++ ? ", " : ""), 100 * s[r] / n[r] }' "$OUT/rounds.txt")

{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) shared cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $CONNS connections, $THREADS wrk threads,"
  echo "$DURATION per measurement, all under nice; medians of $ROUNDS alternating rounds."
  echo "Database: $DBNOTE — $FILMS films, $PEOPLE people. Page: $PAGE, $BYTES bytes."
  echo
  echo "| server | req/s | p50 ms | p99 ms | vs nginx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| nginx, static file | $N_RPS | $N_P50 | $N_P99 | 100% |"
  echo "| Go net/http, same bytes from memory (ceiling for any Go server) | $G_RPS | $G_P50 | $G_P99 | $GRATIO% |"
  echo "| marquee serve, warm | $S_RPS | $S_P50 | $S_P99 | $RATIO% |"
  echo "| marquee serve, every request rendered (cache bypassed) | $U_RPS | $U_P50 | $U_P99 | $URATIO% |"
  echo
  echo "serve/nginx by round: $SPREAD. Peak RSS of serve (VmHWM) over the whole run: $RSS_MB MB."
} | tee "$OUT/summary.md"
