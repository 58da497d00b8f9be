# Switchboard image: Node 20, built from this repository with its own scripts only (scripts/container/*.sh run the
# same steps CI runs: npm install, npm run build). Runs as the unprivileged `node` user.
#   docker compose up -d            (see compose.yaml and docs/production.md)

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY patches ./patches
COPY scripts/container/install.sh ./scripts/container/install.sh
RUN sh scripts/container/install.sh
COPY . .
RUN sh scripts/container/build.sh

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    MEDIA_DIR=/app/data/media
COPY scripts/container/prepare-runtime.sh ./scripts/container/prepare-runtime.sh
RUN sh scripts/container/prepare-runtime.sh
# Application files stay owned by root (read-only for the app); only data/ and Next's cache are writable.
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
# next.config.ts is read again at start and imports the security headers it sets on every answer.
COPY --from=build /app/src/server/security/security-headers.ts ./src/server/security/security-headers.ts
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts/container ./scripts/container
COPY --from=build --chown=node:node /app/.next ./.next
USER node
EXPOSE 3000
VOLUME ["/app/data"]
# Liveness: cheap and public. Readiness (migrations applied, devices restored) is /api/ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/container/healthcheck.mjs"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["sh", "scripts/container/entrypoint.sh"]
