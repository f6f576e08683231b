# syntax=docker/dockerfile:1
# Node 26 is the Active LTS (since 2026-10-28; Node 24 is in maintenance, Node 20 reached end of
# life in April 2026). The base is pinned by digest: the multi-arch index of node:26.8.1-bookworm-slim.
# No registry is reachable where this was written, so the digest is the one public projects
# record for that tag (it is not read from Docker Hub here); refresh it with
#   docker buildx imagetools inspect node:26-bookworm-slim --format '{{.Manifest.Digest}}'
# (.github/dependabot.yml proposes updates). scripts/check-image.sh refuses an unpinned base.
ARG NODE_IMAGE=node:26-bookworm-slim@sha256:367679cf9792759492a486e4aa4b421764d71a9546a6dae8aab81a99eb797b3e
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY openapi ./openapi
COPY scripts/bundle-cli.ts scripts/openapi-types.ts ./scripts/
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
COPY examples ./examples
COPY openapi ./openapi
COPY ui ./ui
# The embedded database (no DATABASE_URL) writes here, as the service user.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
