#!/bin/sh
# Runtime image: the MariaDB client tools used by `node dist/ops/backup.mjs` / `restore.mjs` (mariadb-dump, mariadb).
set -eu
apt-get update
apt-get install -y --no-install-recommends mariadb-client
rm -rf /var/lib/apt/lists/*
