import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

/** The SPA lives in client/; `npx vite build --config client/vite.config.ts` works from the repo root. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Print gzip sizes so `npm run build` shows the budget at a glance.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 350,
    rolldownOptions: {
      output: {
        // Stable, readable vendor chunks: they change rarely, so browsers keep them cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': {
        target: apiTarget,
        // The API rejects unsafe cookie requests from unknown origins; in dev the page origin is
        // Vite's, so present the API's own origin to it.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', apiTarget);
          });
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
