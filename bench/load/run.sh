#!/usr/bin/env bash
# The load harness: builds Release, starts KeySell on a generated database, drives the main API
# reads and pages at 1 and 16 concurrent users, then the same reads as plain SQL (the floor).
# See docs/performance.md ("Load harness"). Make the database first, e.g.:
#   KeySell__DataDirectory=/work/data-1m keysell generate-data --accounts 100000 --opportunities 1000000 \
#     --big-accounts 20 --big-account-people 2000 --password 'KeySell-1M-data!'
#
# Usage: bench/load/run.sh [--data DIR] [--postgres CONNSTRING] [--password P] [--port 5201]
#                          [--seconds 10] [--max-requests 2000] [--users 1,16] [--only TEXT]
set -euo pipefail
cd "$(dirname "$0")/../.."

data=/work/data-1m; postgres=""; password='KeySell-1M-data!'; port=5201
seconds=10; max_requests=2000; users=1,16; only=""
admin_email=admin@data.keysell.example
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2;; --postgres) postgres=$2;; --password) password=$2;; --port) port=$2;;
    --seconds) seconds=$2;; --max-requests) max_requests=$2;; --users) users=$2;; --only) only=$2;;
    --admin-email) admin_email=$2;;
    *) echo "run.sh: unknown option $1" >&2; exit 2;;
  esac
  shift 2
done

dotnet build src/KeySell.Web -c Release -m:1 -v q -nologo >/dev/null
dotnet build bench/KeySell.Load -c Release -m:1 -v q -nologo >/dev/null

if [ -n "$postgres" ]; then
  export KeySell__Database__Provider=postgres ConnectionStrings__KeySell="$postgres"
  database="$postgres"; provider=postgres
else
  export KeySell__Database__Provider=sqlite KeySell__DataDirectory="$data"
  database="$data/keysell.db"; provider=sqlite
fi
# The first start creates this admin when the database has none.
export KeySell__Admin__Email="$admin_email" KeySell__Admin__Password="$password" KeySell__SeedDemoData=false
# One signed-in user drives every request, so the per-user API limit (600 a minute) is raised for the run.
export KeySell__RateLimits__ApiRequestsPerMinute=100000000
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port"

log=$(mktemp /tmp/keysell-load-server.XXXXXX.log)
(cd src/KeySell.Web && exec dotnet bin/Release/net10.0/KeySell.Web.dll) >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/login" && break
  kill -0 $server 2>/dev/null || { echo "run.sh: the server stopped; see $log" >&2; exit 1; }
  sleep 1
done

echo "KeySell $(git rev-parse --short HEAD) on $provider, $(nproc) cores, $(date -u +%FT%TZ); server log $log"
args=(--url "http://127.0.0.1:$port" --admin-email "$admin_email" --password "$password" --database "$database" --provider "$provider"
      --server-pid "$server" --users "$users" --seconds "$seconds" --max-requests "$max_requests")
[ -n "$only" ] && args+=(--only "$only")
dotnet bench/KeySell.Load/bin/Release/net10.0/KeySell.Load.dll "${args[@]}"
