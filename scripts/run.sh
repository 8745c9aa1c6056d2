#!/usr/bin/env bash
# One entry point for the README's two commands.
#   bash scripts/run.sh build   set up what is missing, then build the sample catalog into site/
#   bash scripts/run.sh test    set up the same plus test tools, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  build)
    bash scripts/setup.sh
    exec .venv/bin/secatalog build --out site
    ;;
  test)
    bash scripts/setup.sh --test
    .venv/bin/ruff check scripts tests
    .venv/bin/ruff format --check scripts tests
    set +e
    .venv/bin/python -m pytest -n 2 --dist load -q "${@:2}"
    status=$?
    set -e
    if [ "$status" -eq 5 ]; then
      echo "pytest가 테스트를 하나도 찾지 못했습니다: 실패로 처리합니다." >&2
      exit 1
    fi
    exit "$status"
    ;;
  *)
    echo "사용법: bash scripts/run.sh build|test" >&2
    exit 2
    ;;
esac
