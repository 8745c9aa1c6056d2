#!/usr/bin/env bash
# A release as a network receives it: build the wheel, install it with the locked runtime dependencies
# only (hashes checked) into a clean virtual environment outside the repository, then build the
# sample network and a network made by `secatalog init` with it. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
uv=.venv/bin/uv
"$uv" build --quiet --wheel --out-dir "$work/dist"
wheel=$(ls "$work"/dist/secatalog-*.whl)
"$uv" export --quiet --frozen --no-dev --no-emit-project --format requirements-txt >"$work/requirements.txt"
python3 -m venv "$work/venv"
# --no-deps: the export is the whole resolved set; pip's own resolver would look for a newer
# fonttools to satisfy weasyprint's "fonttools[woff]" and refuse it as unpinned. pip check then
# proves the set is complete and consistent.
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$work/requirements.txt"
"$work/venv/bin/python" -m pip check
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$wheel"
tool="$work/venv/bin/secatalog"
"$tool" --version
# The sample, copied out of the repository so nothing of the source tree can be imported.
git ls-files -z content catalog casebook theme mkdocs.yml | tar --null -T - -cf - | (mkdir -p "$work/sample" && tar -xf - -C "$work/sample")
(cd "$work/sample" && "$tool" build --out "$work/sample-site")
"$tool" init "$work/network" --name "검사용네트워크" --city "검사시" --site-url https://network.example.net/ \
  --secretariat office --no-lock </dev/null
(cd "$work/network" && "$tool" new enterprise --slug first-coop --name "첫협동조합" --org-type cooperative \
  --mission "동네 먹거리를 만듭니다" --product-name "회의용 다과" --product-id meeting-snacks && "$tool" build --out "$work/network-site")
for f in "$work"/sample-site/print/catalog-print.pdf "$work"/network-site/print/catalog-print.pdf \
  "$work"/network-site/data/products.json; do
  test -s "$f" || { echo "만들어지지 않았습니다: $f" >&2; exit 1; }
done
echo "휠 검사 통과: $(basename "$wheel")"
