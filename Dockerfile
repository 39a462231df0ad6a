# One image for the API and the worker; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/queue/package.json packages/queue/
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY apps apps
COPY packages packages
COPY drizzle drizzle
COPY scripts scripts
USER node
EXPOSE 3000
CMD ["npm", "run", "api"]
