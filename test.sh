#!/usr/bin/env bash
# Runs every KeySell test on a fresh Debian machine that has only the .NET SDK:
# installs what is missing (Chromium, CJK fonts, poppler-utils, PostgreSQL), starts a throwaway PostgreSQL
# cluster on a free loopback port, runs all test projects, stops the cluster and ends with
# one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"

say() { printf '==> %s\n' "$*"; }

# --- prerequisites ---------------------------------------------------------------------------
find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[[ -x ${KEYSELL_CHROMIUM:-/usr/bin/chromium} ]] || missing+=(chromium)
# (no "grep -q" in a pipe: under pipefail its early exit fails fc-list)
[[ $(fc-list 2>/dev/null) == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
# pdftotext, pdffonts, pdfinfo read back the PDFs the app writes (the sheet's export tests).
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && command -v pdfinfo >/dev/null || missing+=(poppler-utils)
[[ -n $(find_pg_bin) && -x $(find_pg_bin)/initdb ]] || missing+=(postgresql)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh needs these Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null || { echo "test.sh needs the .NET 10 SDK (dotnet) on PATH" >&2; exit 1; }

# --- throwaway PostgreSQL ----------------------------------------------------------------------
pg_bin=$(find_pg_bin)
pg_dir=$(mktemp -d /tmp/keysell-pg.XXXXXX)
port=54329
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root; Debian's package provides the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
stop_pg() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
say "starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w start \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
export KEYSELL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
export KEYSELL_CHROMIUM=${KEYSELL_CHROMIUM:-/usr/bin/chromium}
export KEYSELL_TEST_OUTPUT="$results"

# --- build and test ----------------------------------------------------------------------------
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "building"
dotnet build KeySell.slnx -c Release -v quiet -nologo
say "testing"
status=0
dotnet test --solution KeySell.slnx -c Release --no-build --report-xunit-trx --results-directory "$results" || status=$?

# --- summary -----------------------------------------------------------------------------------
passed=0 failed=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0}))
done
if ((status != 0 && failed == 0)); then failed=1; echo "dotnet test failed before reporting results (exit $status)" >&2; fi
if ((passed == 0 && failed == 0)); then echo "no test ran" >&2; failed=1; fi
echo "Screenshots and test results: $results"
echo "$passed passed, $failed failed"
((failed == 0))
