#!/usr/bin/env bash
# Runs before `npm test`: the browser tests need a Chromium. When none is found, install Debian's package
# (as root, or with sudo); otherwise say exactly what to do. Does nothing when a browser is present.
set -euo pipefail
for candidate in "${FORGEMAP_CHROMIUM:-}" "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  [[ -n $candidate && -x $candidate ]] && exit 0
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found for the browser tests, and no apt-get to install one." >&2
  echo "Install Chromium or Chrome and set FORGEMAP_CHROMIUM=/path/to/chrome, then run npm test again." >&2
  exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "No Chromium found. Run as root: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
  sudo=(sudo)
fi
echo "No Chromium found for the browser tests: installing Debian's chromium package…"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
