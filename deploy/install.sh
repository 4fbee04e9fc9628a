#!/usr/bin/env bash
# Install or update the kiosk on a Debian-based terminal (Debian 12, Ubuntu 22.04+, UOS, Kylin).
#
#     sudo deploy/install.sh dist/kiosk [--config kiosk.toml] [--nightly-restart]
#
# Versions live side by side in /opt/kiosk/versions/<version>; /opt/kiosk/current is a symlink switched
# atomically. A new version must pass its own `kiosk self-test` before the switch, and the service must come
# up (systemd READY) after it; otherwise the previous version is put back (rollback).
set -euo pipefail

BUILD=${1:?usage: install.sh BUILD_DIR [--config FILE] [--nightly-restart]}
shift
CONFIG=""
NIGHTLY=0
while (($#)); do
  case $1 in
    --config) CONFIG=$2; shift 2 ;;
    --nightly-restart) NIGHTLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PREFIX=${KIOSK_PREFIX:-/opt/kiosk}
ETC=${KIOSK_ETC:-/etc/kiosk}
SYSTEMD=${KIOSK_SYSTEMD_DIR:-/etc/systemd/system}
HERE=$(cd "$(dirname "$0")" && pwd)

[ -x "$BUILD/kiosk" ] || { echo "install: $BUILD/kiosk not found: build with pyinstaller build_kiosk.spec" >&2; exit 2; }
VERSION=$("$BUILD/kiosk" --version | awk '{print $2}')
TARGET="$PREFIX/versions/$VERSION"

if [ -z "${KIOSK_NO_SYSTEM:-}" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cage fonts-noto-cjk libxkbcommon0 libegl1 >/dev/null
  id kiosk >/dev/null 2>&1 || useradd --system --create-home --groups dialout,video,input,render kiosk
fi

echo "install: version $VERSION -> $TARGET"
mkdir -p "$PREFIX/versions" "$ETC"
rm -rf "$TARGET.tmp"
cp -a "$BUILD" "$TARGET.tmp"
if ! QT_QPA_PLATFORM=offscreen "$TARGET.tmp/kiosk" self-test; then
  echo "install: the new version failed its self-test; nothing changed" >&2
  rm -rf "$TARGET.tmp"
  exit 1
fi
rm -rf "$TARGET"
mv "$TARGET.tmp" "$TARGET"

if [ -n "$CONFIG" ]; then
  "$TARGET/kiosk" check-config "$CONFIG"
  install -m 0640 "$CONFIG" "$ETC/kiosk.toml"
fi

PREVIOUS=$(readlink "$PREFIX/current" 2>/dev/null || true)
switch_to() {  # atomic: a new symlink renamed over the old one
  ln -sfn "$1" "$PREFIX/current.new"
  mv -T "$PREFIX/current.new" "$PREFIX/current"
}
switch_to "$TARGET"

install -m 0644 "$HERE/kiosk.service" "$SYSTEMD/kiosk.service"
if ((NIGHTLY)); then
  install -m 0644 "$HERE/kiosk-nightly-restart.service" "$HERE/kiosk-nightly-restart.timer" "$SYSTEMD/"
fi
[ -n "${KIOSK_NO_SYSTEM:-}" ] && { echo "install: files in place (no systemd actions)"; exit 0; }

systemctl daemon-reload
systemctl enable kiosk.service >/dev/null
((NIGHTLY)) && systemctl enable --now kiosk-nightly-restart.timer >/dev/null
systemctl restart kiosk.service
for _ in $(seq 1 60); do
  systemctl is-active --quiet kiosk.service && { echo "install: kiosk $VERSION is running"; exit 0; }
  sleep 1
done
echo "install: kiosk $VERSION did not come up; rolling back to ${PREVIOUS:-nothing}" >&2
if [ -n "$PREVIOUS" ]; then
  switch_to "$PREVIOUS"
  systemctl restart kiosk.service
fi
exit 1
