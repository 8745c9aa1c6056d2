#!/usr/bin/env bash
# Install what secatalog needs on a fresh Debian or Ubuntu machine, idempotently, from the lock.
#   bash scripts/setup.sh        system packages (Korean fonts, WeasyPrint's libraries) + .venv
# Every Python package comes from uv.lock with its hash: the same versions on every machine, in every
# pull-request check and every deploy. uv itself is installed from the hashes the lock records for it.
# SECATALOG_APT_EXTRA (more Debian packages) and SECATALOG_SYNC_ARGS (e.g. "--extra test") add to it.
set -euo pipefail
cd "${SECATALOG_PROJECT:-$(dirname "$0")/..}"

if [ ! -f uv.lock ]; then
  echo "uv.lock이 없습니다: 인터넷이 되는 곳에서 'uv lock'을 한 번 실행해 잠금 파일을 만든 뒤 커밋하세요." >&2
  exit 1
fi

read -r -a apt_packages <<<"fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 python3-venv ${SECATALOG_APT_EXTRA:-}"
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "다음 시스템 패키지가 필요합니다 (root로 다시 실행하세요): ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "시스템 패키지 설치: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
# uv at the version and hashes uv.lock records (uv is one of secatalog's own dependencies).
want=$(.venv/bin/python - <<'PY'
import tomllib
lock = tomllib.load(open("uv.lock", "rb"))
uv = next(p for p in lock["package"] if p["name"] == "uv")
print(f"uv=={uv['version']} " + " ".join(f"--hash={w['hash']}" for w in uv["wheels"]))
PY
)
if [ "$(.venv/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$(echo "$want" | sed -E 's/^uv==([^ ]+).*/\1/')" ]; then
  echo "$want" >.venv/uv-requirements.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r .venv/uv-requirements.txt
fi
# --locked: refuse to run when pyproject.toml and uv.lock disagree, instead of resolving anew.
# --compile-bytecode: compiled once here, not on every run (a machine with PYTHONDONTWRITEBYTECODE, as
# CI runners often are, otherwise compiles every imported module each time: half of `secatalog check`).
read -r -a sync_args <<<"${SECATALOG_SYNC_ARGS:-}"
UV_PROJECT_ENVIRONMENT=.venv UV_PYTHON_DOWNLOADS=never .venv/bin/uv sync --quiet --locked --compile-bytecode \
  --python .venv/bin/python "${sync_args[@]}"
