#!/usr/bin/env bash
# One command from a fresh clone to a running app: install, configure, migrate, create the admin, build, start.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm install --no-audit --no-fund
npx tsx scripts/setup.ts
npm run build
exec npm start
