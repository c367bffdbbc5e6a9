# syntax=docker/dockerfile:1
# Porthole's image: a build stage with devDependencies (Next.js build, esbuild bundle of the
# server, native modules compiled), then a runtime stage with production dependencies and the
# build output only. Runs as the unprivileged `node` user and writes only to /data (the
# volume) and /tmp, so it runs with a read-only root filesystem. See compose.yaml.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
# node-gyp compiles re2 and node-pty (no prebuilt binaries reach the build).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_update_notifier=false
COPY package.json package-lock.json ./
# npm ci's postinstall: moves aside an ssh2 crypto binding that would abort Node 24 at a GC.
COPY scripts/postinstall.mjs ./scripts/
COPY server/connectors/ssh/ssh2-binding.mjs ./server/connectors/ssh/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf .next/cache

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    PORTHOLE_HOST=0.0.0.0 \
    PORTHOLE_DATA_DIR=/data \
    PORTHOLE_DEMO=0
WORKDIR /app
COPY --from=build /app/package.json /app/next.config.js ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/dist ./dist
COPY --from=build /app/db/migrations ./db/migrations
# Loaded from source at run time by demo mode (PORTHOLE_DEMO=1): the demo database's worker
# and the demo shell's fallback PTY helper.
COPY --from=build /app/server/demo/postgres/demo-pg-worker.mjs ./server/demo/postgres/
COPY --from=build /app/server/demo/ssh/pty-helper.py ./server/demo/ssh/
# Next.js keeps a runtime cache in .next/cache: on /tmp, the one writable place besides /data.
RUN ln -s /tmp .next/cache \
  && mkdir -p /data \
  && chown node:node /data \
  && chmod 700 /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Ready = database reachable, migrations applied, recording store writable, not draining.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself, not npm: `docker stop`'s SIGTERM reaches the server, which drains (within
# PORTHOLE_DRAIN_SECONDS; give `docker stop -t` more than that). Run with --init (compose:
# init: true) so exited session processes are reaped.
CMD ["node", "--enable-source-maps", "dist/server/index.js"]
