# Production image: builds every project, then runs the API, which also serves the web app.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/e2e/package.json apps/e2e/
COPY libs/contracts/package.json libs/contracts/
COPY libs/scenario-engine/package.json libs/scenario-engine/
COPY libs/curriculum/package.json libs/curriculum/
COPY libs/approach-checker/package.json libs/approach-checker/
COPY migrations/package.json migrations/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=api,web --output-style=static && npm prune --omit=dev

FROM node:20-bookworm-slim
# Fewer glibc malloc arenas: image re-encoding (sharp/libvips threads) otherwise leaves ~130 MiB
# more resident memory behind (bench/results/authoring-2026-11-28-notes.md).
ENV NODE_ENV=production PORT=3000 MALLOC_ARENA_MAX=2
# An installation starts empty (or with BOOTSTRAP_ORGANISATION): no demo organisation with known
# passwords unless asked for with DEMO_SEED=true. `npm start` outside the image still seeds it.
ENV DEMO_SEED=false
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "apps/api/dist/main.js"]
