#!/usr/bin/env bash
# Times the one-page documents over HTTP on the demo data (issue 11, decision 0028): a Release server on a fresh
# SQLite database with the demo seeded, the admin signed in, then N sequential downloads of each document; prints
# p50/p95/max milliseconds and the size. See docs/performance.md ("One-page documents").
# Usage: bench/documents/run.sh [--port 5291] [--rounds 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5291; rounds=30
while [ $# -gt 0 ]; do
  case "$1" in --port) port=$2;; --rounds) rounds=$2;; *) echo "run.sh: unknown option $1" >&2; exit 2;; esac
  shift 2
done
data=$(mktemp -d); password='KeySell-documents-1!'
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
dotnet build src/KeySell.Web -c Release -m:1 -v q -nologo >/dev/null
export KeySell__DataDirectory="$data" KeySell__Admin__Email=admin@documents.example KeySell__Admin__Password="$password"
export KeySell__RateLimits__ApiRequestsPerMinute=100000000 ASPNETCORE_ENVIRONMENT=Production
dotnet src/KeySell.Web/bin/Release/net10.0/KeySell.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
host="http://127.0.0.1:$port"
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"admin@documents.example\",\"password\":\"$password\"}" "$host/api/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
auth=(-H "Authorization: Bearer $token")
# The demo's deal with the most people, and the account with the most open deals.
read -r deal account people deals < <(curl -fsS "${auth[@]}" "$host/api/opportunities?pageSize=100" | python3 -c '
import json,sys
items=json.load(sys.stdin)["items"]
best=max(items, key=lambda o: o.get("influenceCount", 0) or 0)
from collections import Counter
acc=Counter(o["accountId"] for o in items).most_common(1)[0][0]
print(best["id"], acc, best.get("influenceCount", 0), sum(1 for o in items if o["accountId"] == acc))')
time_it() {
  local name=$1 url=$2
  local times=() size=0
  for _ in $(seq 1 "$rounds"); do
    out=$(curl -fsS "${auth[@]}" -o "$data/doc" -w '%{time_total} %{size_download}' "$url")
    times+=("${out% *}"); size=${out#* }
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys
t=sorted(float(x)*1000 for x in sys.stdin)
p=lambda q: t[min(len(t)-1,int(round(q*(len(t)-1))))]
print(f'$name: p50 {p(.5):.0f} ms, p95 {p(.95):.0f} ms, max {t[-1]:.0f} ms over {len(t)} downloads; {int($size)/1024:.0f} kB')"
}
echo "deal $deal: $people people; account $account: $deals deals (its open ones go into the account PDF)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
time_it "deal PDF (en)" "$host/api/opportunities/$deal/sheet.pdf?lang=en"
time_it "deal PDF (zh-CN)" "$host/api/opportunities/$deal/sheet.pdf?lang=zh-CN"
time_it "deal Excel (zh-CN)" "$host/api/opportunities/$deal/sheet.xlsx?lang=zh-CN"
time_it "account PDF (zh-CN)" "$host/api/accounts/$account/sheets.pdf?lang=zh-CN"
echo "server RSS after: $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
