#!/bin/sh
# Image step 2: the production build (Next + the compiled server, sandbox and ops scripts), then drop dev dependencies.
set -eu
export NEXT_TELEMETRY_DISABLED=1
npm run build
npm prune --omit=dev --no-audit --no-fund
