# One image for the API and the worker; docker-compose.yml picks the command.

# Build stage: full install, then the web workbench's static build and the service bundles.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/queue/package.json packages/queue/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Run stage: production dependencies, the service bundles (run by node), the sources (the
# migrate and seed scripts run them through tsx) and the web build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/worker/package.json apps/worker/
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/packages/core/package.json packages/core/
COPY --from=build /app/packages/db/package.json packages/db/
COPY --from=build /app/packages/domain/package.json packages/domain/
COPY --from=build /app/packages/queue/package.json packages/queue/
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY apps/api apps/api
COPY apps/worker apps/worker
COPY packages packages
COPY drizzle drizzle
COPY scripts scripts
COPY --from=build /app/apps/web/dist apps/web/dist
COPY --from=build /app/dist dist
# evidence files live in the volume mounted here; a new volume takes this owner
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
CMD ["node", "--max-semi-space-size=32", "dist/api.mjs"]
