import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

// Two pages: the staff console at / and the customer portal at /portal/, each its own bundle so the
// portal stays small. In development, `npm run dev -w @fairdesk/web` proxies /api to a running server.
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { console: resolve(here, 'index.html'), portal: resolve(here, 'portal/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
