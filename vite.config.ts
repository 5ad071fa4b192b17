// Builds the renderer pages (popover, settings, history, cost) into dist-renderer/ with relative asset paths,
// so Electron can load them from file:// and the preview host can serve them from any port.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), 'renderer');

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../dist-renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // No inline scripts or module-preload polyfill: the pages' CSP allows only 'self' scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      // history.html and cost.html alone import uPlot: each is its own entry, so the chart library never reaches the popover.
      input: { popover: resolve(root, 'popover.html'), settings: resolve(root, 'settings.html'), history: resolve(root, 'history.html'), cost: resolve(root, 'cost.html') },
    },
  },
});
