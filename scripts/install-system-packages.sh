#!/usr/bin/env bash
# Install the Debian/Ubuntu packages SafeDesk needs, only those that are missing.
# Runs as root or through sudo; on other systems it says what is needed and goes on.
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "SafeDesk: please install these system packages: ${missing[*]}" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "SafeDesk: need root to install: ${missing[*]}" >&2; exit 1
  fi
fi
# Keep apt from starting a system PostgreSQL cluster when postgresql is in the list.
$SUDO mkdir -p /etc/postgresql-common/createcluster.d
echo 'create_main_cluster = false' | $SUDO tee /etc/postgresql-common/createcluster.d/safedesk.conf >/dev/null
echo "SafeDesk: installing system packages: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
