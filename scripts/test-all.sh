#!/usr/bin/env bash
# The whole test suite from a fresh clone: install, lint, type-check, drift check, build, vitest, Playwright.
# Needs a reachable MySQL/MariaDB (TEST_DATABASE_URL / E2E_DATABASE_URL, default root@127.0.0.1:3306) and Chromium at /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null; else echo "Chromium is missing: sudo apt-get install chromium" >&2; exit 1; fi
fi
npm install --no-audit --no-fund
npm run lint
npm run typecheck
export DATABASE_URL="${E2E_DATABASE_URL:-mysql://root@127.0.0.1:3306/switchboard_e2e}"
npm run db:migrate
npm run db:drift
npm run build
npx vitest run
npx playwright test
