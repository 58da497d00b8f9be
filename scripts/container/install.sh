#!/bin/sh
# Image step 1: dependencies from the lockfile (npm install, not npm ci: see STACK.md pitfall 4). The project's own
# postinstall generates the Prisma client.
set -eu
export NEXT_TELEMETRY_DISABLED=1
npm install --no-audit --no-fund
