#!/usr/bin/env bash
# Install what secatalog needs on a fresh Debian machine, idempotently.
#   scripts/setup.sh          system packages + .venv with the package
#   scripts/setup.sh --test   the same plus test dependencies (browser, PDF tools, checkers)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_packages=(fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 python3-venv)
if [ "$want_test" = 1 ]; then
  apt_packages+=(chromium poppler-utils default-jre-headless)
fi

missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "다음 시스템 패키지가 필요합니다 (root로 다시 실행하세요): ${missing[*]}" >&2
    exit 1
  fi
  echo "시스템 패키지 설치: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.secatalog-installed
extras=""
[ "$want_test" = 1 ] && extras="[test]"
# Reinstall only when the dependency list changed: keeps repeated runs fast.
sig="$(sha256sum pyproject.toml | cut -c1-16)$extras"
if [ ! -f "$stamp" ] || ! grep -qxF "$sig" "$stamp"; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extras"
  echo "$sig" >> "$stamp"
fi

if [ "$want_test" = 1 ] && [ ! -f .venv/tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  # The Nu HTML Checker, run by the web-quality tests (Java comes from default-jre-headless).
  npm install --silent --no-audit --no-fund --prefix .venv/tools vnu-jar@26.9.27 >/dev/null
fi
