#!/usr/bin/env bash
# Installs everything the tests need on a bare Debian machine (apt + npm), then runs every suite:
# typecheck, unit/adapter/shell tests, keychain tests in a private D-Bus session, and the
# end-to-end tests in real Chromium, the tray app in real Electron when a binary exists.
# Ends with one line: "N passed, N failed, N skipped" (each skipped suite named with its reason above it).
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v gnome-keyring-daemon >/dev/null || need_apt+=(gnome-keyring)
command -v dbus-run-session >/dev/null || need_apt+=(dbus)
command -v xvfb-run >/dev/null || need_apt+=(xvfb)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" dbus-x11 >/dev/null \
    || { echo "apt-get install failed"; exit 1; }
fi

echo "== npm ci"
# The plain README install: package.json's allowScripts keeps Electron's download out of npm ci, so it is
# offline-safe. The Playwright-Electron suite uses a binary only where `node scripts/ensure-electron.mjs`
# got one; elsewhere it reports itself skipped, with the reason.
npm ci --no-audit --no-fund >/dev/null 2>.tmp-npm-ci.log || { cat .tmp-npm-ci.log; exit 1; }
rm -f .tmp-npm-ci.log
mkdir -p .tmp/reports
rm -f .tmp/reports/*.json

status=0
echo "== typecheck"
npx tsc --noEmit -p . || status=1

echo "== unit, adapter and shell tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/reports/unit.json || status=1

echo "== keychain tests (gnome-keyring in a private D-Bus session)"
bash scripts/with-keyring.sh npx vitest run -c vitest.keychain.config.ts \
  --reporter=default --reporter=json --outputFile.json=.tmp/reports/keychain.json || status=1

if [ -f vitest.e2e.config.ts ]; then
  echo "== end-to-end tests (Chromium)"
  npx vite build --logLevel warn || status=1
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/reports/e2e.json || status=1
fi

echo "== the tray app in real Electron (Playwright; reported skipped, with the reason, when there is no Electron binary)"
gui=(); [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null && gui=(xvfb-run -a)
${gui[@]+"${gui[@]}"} npx vitest run -c vitest.electron.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/reports/electron.json || status=1

# A suite that died before writing its report counts as failed.
reports=(.tmp/reports/unit.json .tmp/reports/keychain.json)
[ -f vitest.e2e.config.ts ] && reports+=(.tmp/reports/e2e.json)
reports+=(.tmp/reports/electron.json)
node scripts/summarize-tests.mjs "${reports[@]}" || status=1
exit $status
