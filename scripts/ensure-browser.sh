#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium and ChromeDriver. Installs them when they are
# missing and this user may (root, or passwordless sudo); otherwise stops at once saying what to
# install. The browser tests are never skipped.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "[browser] missing Debian packages: ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "[browser] the browser tests need them. Install and run again:"
  echo "          sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "[browser] installed: ${missing[*]}"
