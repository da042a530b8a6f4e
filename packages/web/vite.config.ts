import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at / (packages/server/src/http/routes/web.ts); the API is same-origin.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be an extra script; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Never inline assets as data: URLs (leaflet's stylesheet references images): the page's CSP
    // allows images from 'self' and blob: only.
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
