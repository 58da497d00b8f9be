#!/bin/sh
# Container start: apply migrations when AUTO_MIGRATE=true, then replace this shell with the server (exec): the
# SIGTERM of `docker stop` then reaches the server itself, which stops gracefully (docs/production.md).
set -eu
cd "$(dirname "$0")/../.."
# A one-off command (`docker compose run --rm app node dist/ops/backup.mjs …`) runs instead of the server.
if [ "$#" -gt 0 ]; then
  exec "$@"
fi
if [ "${AUTO_MIGRATE:-false}" = "true" ] || [ "${AUTO_MIGRATE:-false}" = "1" ]; then
  node dist/ops/migrate.mjs
  # Done here, once: the server need not check again.
  export AUTO_MIGRATE=false
fi
mkdir -p "${MEDIA_DIR:-./data/media}"
exec node dist/server.mjs
