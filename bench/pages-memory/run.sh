#!/usr/bin/env bash
# The account page, the sheet page and the server's memory at 1 and 16 users (docs/performance.md, issue 8).
# usage: bench/pages-memory/run.sh LABEL REPO_DIR DATA_DIR [VAR=value ...]   (needs KEYSELL_PASSWORD, the admin's password)
# The app of REPO_DIR must be built with -c Release; DATA_DIR holds keysell.db with generate.py's accounts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); label=$1; dir=$2; data=$3; shift 3; port=5206
db=$data/keysell.db
big=$(sqlite3 "$db" "select AccountId from People group by AccountId having count(*)=2000")
opps=$(sqlite3 "$db" "select o.Id from Opportunities o where o.AccountId in (select AccountId from People group by AccountId having count(*)=2000) limit 40")
env "$@" KeySell__DataDirectory="$data" KeySell__RateLimits__ApiRequestsPerMinute=1000000 ASPNETCORE_URLS=http://127.0.0.1:$port \
  Logging__LogLevel__Default=Warning dotnet "$dir/src/KeySell.Web/bin/Release/net10.0/KeySell.Web.dll" > "/tmp/pages-memory-$label.log" 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null' EXIT
"$here/wait.sh" $port
one=$(echo "$big" | head -1); sheet=$(echo "$opps" | head -1)
acc=$(echo "$big" | sed 's#^#/accounts/#' | tr '\n' ' '); sheets=$(echo "$opps" | sed 's#^#/opportunities/#' | tr '\n' ' ')
python3 "$here/load.py" $port 1 5 /accounts/$one $sheets > /dev/null   # warm-up
echo "[$label] account page, 1 user:   $(python3 "$here/cpu.py" $pid $port 1 15 /accounts/$one)"
echo "[$label] sheet page, 1 user:     $(python3 "$here/cpu.py" $pid $port 1 15 /opportunities/$sheet)"
echo "[$label] sheet API, 1 user:      $(python3 "$here/cpu.py" $pid $port 1 15 /api/opportunities/$sheet)"
"$here/rss.sh" $pid 100 > "/tmp/pages-memory-rss-$label.txt" & rss=$!
echo "[$label] account pages, 16:      $(python3 "$here/cpu.py" $pid $port 16 30 $acc)"
echo "[$label] sheet pages, 16:        $(python3 "$here/cpu.py" $pid $port 16 30 $sheets)"
echo "[$label] mixed, 16:              $(python3 "$here/cpu.py" $pid $port 16 30 $acc $sheets /api/accounts/$one /api/opportunities /accounts /)"
wait $rss; echo "[$label] $(cat "/tmp/pages-memory-rss-$label.txt")"
