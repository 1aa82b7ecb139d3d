# The Support API (and the built widget it can serve) as a container.
#
#   docker build -t support-api .
#   docker run -d --name support-api -p 8787:8787 -v support-data:/data \
#     -e SUPPORT_TOKEN_SECRET=… -e SUPPORT_AGENT_TOKEN=… -e SUPPORT_ALLOWED_ORIGINS=https://lms.example.ru \
#     --stop-timeout 20 support-api
#
# The build stage installs everything and runs `npm run build` (widget, package and the server as plain
# JavaScript), then drops the dev packages; the runtime stage gets only what `node dist/server/main.js` reads.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Compilers for better-sqlite3 and sharp when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# The sources and build configuration (.dockerignore leaves out tests, stories, docs and local data).
COPY . .
# The prune leaves the server's runtime: the widget's libraries are built into dist/widget and go with the tools.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    SUPPORT_DB=/data/support.sqlite \
    SUPPORT_ATTACHMENTS_DIR=/data/attachments \
    SUPPORT_SERVE_WIDGET=1
WORKDIR /app
# Read-only for the server: the files belong to root, the server runs as `node` and writes only to /data.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/widget ./dist/widget
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM: it stops accepting, finishes requests in flight (up to
# SUPPORT_SHUTDOWN_GRACE_MS, 10 s), closes the database and exits; give `docker stop` longer than that.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]
