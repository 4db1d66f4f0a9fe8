import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const libs = fileURLToPath(new URL('../../libs', import.meta.url));
const api = { '/api': 'http://localhost:3000' };

// The shared libs are consumed as TypeScript sources, so the web needs no lib build first.
export default defineConfig({
  plugins: [
    react(),
    // Precompressed siblings (.gz, .br) that the API serves by Accept-Encoding (app.factory.ts);
    // below 1 KB compression gains nothing worth a file. The manifest is for the budget test only.
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, exclude: [/^\.vite\//] }),
  ],
  resolve: {
    alias: [
      { find: /^@countersign\/contracts\/([a-z-]+)$/, replacement: `${libs}/contracts/src/$1/index.ts` },
      { find: /^@countersign\/scenario-engine$/, replacement: `${libs}/scenario-engine/src/index.ts` },
      { find: /^@countersign\/approach-checker$/, replacement: `${libs}/approach-checker/src/index.ts` },
    ],
  },
  server: { port: 5173, strictPort: true, proxy: api },
  preview: { port: 4173, strictPort: true, proxy: api },
  // The manifest lets apps/e2e/src/first-page-budget.spec.ts follow what the first page loads.
  build: { outDir: 'dist', manifest: true },
});
