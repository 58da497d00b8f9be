#!/bin/sh
# Runtime image, as root: the MariaDB client tools that `node dist/ops/backup.mjs` / `restore.mjs` use (mariadb-dump,
# mariadb), and the only folders the unprivileged `node` user may write: data (media) and backups.
set -eu
apt-get update
apt-get install -y --no-install-recommends mariadb-client
rm -rf /var/lib/apt/lists/*
mkdir -p /app/data/media /app/backups
chown -R node:node /app/data /app/backups
