#!/usr/bin/env bash
# One-time (and idempotent) set-up on a fresh Debian/Ubuntu machine: system packages, the virtualenv with
# the pinned dependencies, and the compiled translations. Used by scripts/demo.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb platform libraries; a CJK font (without one Chinese renders as empty boxes); libpulse for the
# virtual keyboard's QML plugin; speech-dispatcher + espeak-ng for Chinese voice prompts; Xvfb for headless
# runs; PostgreSQL for the central service's database tests; cage (the kiosk compositor the systemd unit
# starts; systemd-analyze verify needs it present); Chromium for the ops page test and the benchmark peer.
SYSTEM_PACKAGES=(fonts-noto-cjk libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 libpulse0 libspeechd2 speech-dispatcher espeak-ng xvfb xauth postgresql cage chromium)
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian-based system: install a CJK font and Qt's xcb libraries yourself (see README)" >&2
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed (found $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[central,dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# Compiled translations are built, not committed.
.venv/bin/pyside6-lrelease -silent kiosk/i18n/kiosk_en.ts -qm kiosk/i18n/kiosk_en.qm

# Bytecode for the kiosk's own sources, as a frozen build carries: without it every start compiles them
# (~30 ms of the cold start; this machine's environment sets PYTHONDONTWRITEBYTECODE, so Python never
# writes it by itself). Stale files are ignored by Python (it checks the source's mtime).
.venv/bin/python -m compileall -q -j 0 kiosk >/dev/null
