#!/usr/bin/env bash
# Set up (if needed) and run the kiosk demo on its embedded defaults: the reference central service on
# 127.0.0.1, the simulated ID-card reader and printer. Opens a window on this desktop; on a machine
# without a display it runs on a virtual one (Xvfb) and says where its screenshot is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/python -m kiosk demo --windowed "$@"
fi
echo "demo: no display here; running on a virtual screen (Xvfb): receipts' previews go to var/receipts/,"
echo "      pictures of every screen are in docs/screenshots/ (kiosk screenshot --out DIR makes new ones)"
exec xvfb-run -a -s "-screen 0 1080x1920x24" .venv/bin/python -m kiosk demo "$@"
