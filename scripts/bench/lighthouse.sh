#!/usr/bin/env bash
# Lighthouse (mobile preset) on the built sample: home and an item page.
# Not a test: prints the four category scores and writes scripts/bench/results/lighthouse.json.
#   bash scripts/bench/lighthouse.sh [site-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
site=${1:-site}
[ -f "$site/index.html" ] || { echo "먼저 bash scripts/run.sh build 로 사이트를 만드세요" >&2; exit 2; }
tools=.venv/tools
# Lighthouse 12.2.3 runs on Node 20 (13 wants Node 22); it drives Debian's chromium.
[ -x "$tools/node_modules/.bin/lighthouse" ] || npm install --silent --no-audit --no-fund --prefix "$tools" -E lighthouse@12.2.3 >/dev/null
port=8931
# Compress text as static hosts (GitHub Pages, nginx) do; http.server would not.
.venv/bin/python scripts/bench/serve_gzip.py "$site" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
out=scripts/bench/results
mkdir -p "$out"
echo "{" > "$out/lighthouse.json"
first=1
for page in "" "items/barun-bapsang/local-lunchbox/"; do
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" \
    --quiet --output=json --output-path=/tmp/lh.json --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1 || true
  scores=$(.venv/bin/python -c "
import json; d=json.load(open('/tmp/lh.json'))
print(json.dumps({k: round(v['score']*100) if v['score'] is not None else None for k, v in d['categories'].items()}))")
  [ $first = 1 ] || echo "," >> "$out/lighthouse.json"
  first=0
  echo "  \"/${page}\": $scores" >> "$out/lighthouse.json"
  echo "/${page}: $scores"
done
echo "}" >> "$out/lighthouse.json"
