#!/usr/bin/env bash
# Starts the whole system as a newcomer would (embedded database, demo data) on spare ports,
# sends numbered queries through the gateway and compares the answers, then stops it with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=$(mktemp -d)
log=$(mktemp)
export PGLITE_DATA_DIR="$data_dir" GATEWAY_PORT=14000 INDICATORS_PORT=14001 PLANS_PORT=14002 CASES_PORT=14003 COMMUNICATIONS_PORT=14004
node scripts/dist/cli/start.js >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data_dir"' EXIT
for _ in $(seq 1 60); do
  curl -sf http://127.0.0.1:14000/readyz >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "start failed"; exit 1; }
  sleep 1
done

fail=0
token=$(node scripts/dist/cli/token.js --role ANALYST --area VN)
check() { # number, query, expected substring
  local answer
  answer=$(curl -s http://127.0.0.1:14000/graphql -H 'content-type: application/json' -H "authorization: Bearer $token" -d "{\"query\":\"$2\"}")
  if [[ "$answer" == *"$3"* ]]; then echo "smoke $1 ok"; else echo "smoke $1 FAILED: $answer"; fail=1; fi
}
check 1 '{ area(code: \"38\") { name hierarchy children { code name level } } }' '"name":"Thanh Hóa","hierarchy":"2025-07","children":[{"code":"14812","name":"Bỉm Sơn","level":"COMMUNE"}'
check 2 '{ area(code: \"030\", hierarchy: \"2025-03\") { parent { name } plans { documentNumber } campaigns { code } } }' '{"parent":{"name":"Hà Giang"},"plans":[{"documentNumber":"760/UBND-LĐTBOXH"}],"campaigns":[{"code":"ACTION-MONTH-2023-030"}]}'
check 2b '{ rollup(indicatorCodes: [\"LIVE_BIRTHS\"], periods: [\"2024\", \"2026\"], parentCode: \"51\") { period sourceHierarchy } }' '[{"period":"2024","sourceHierarchy":"2025-03"},{"period":"2026","sourceHierarchy":"2025-07"}]'
check 3 '{ campaigns(year: 3000) { code } }' '"code":"BAD_USER_INPUT"'
check 4 '{ rollup(indicatorCodes: [\"SEX_RATIO_AT_BIRTH\"], periods: [\"2023\"], parentCode: \"381\") { area { name } total male female } }' '"rollup":[{"area":{"name":"Bỉm Sơn"},"total":'
# the same query again is answered from the gateway's response cache
cache_status=$(curl -s -o /dev/null -D - http://127.0.0.1:14000/graphql -H 'content-type: application/json' -H "authorization: Bearer $token" \
  -d '{"query":"{ rollup(indicatorCodes: [\"SEX_RATIO_AT_BIRTH\"], periods: [\"2023\"], parentCode: \"381\") { area { name } total male female } }"}' | tr -d '\r' | sed -n 's/^x-response-cache: //p')
if [[ "$cache_status" == "HIT" ]]; then echo "smoke 4b ok"; else echo "smoke 4b FAILED: x-response-cache '$cache_status'"; fail=1; fi
token=""
check 5 '{ area(code: \"38\") { name } }' '"code":"UNAUTHENTICATED"'

kill -TERM $pid
for _ in $(seq 1 20); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
if kill -0 $pid 2>/dev/null; then echo "smoke: no graceful shutdown on SIGTERM"; fail=1; fi
grep -q '"msg":"shutting down"' "$log" || { echo "smoke: shutdown not logged"; fail=1; }
exit $fail
