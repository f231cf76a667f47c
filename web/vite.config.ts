// Builds the single-page application into dist/, which `tenlik serve` serves. The
// server's Content-Security-Policy is `default-src 'self'`: the build must hold no
// inline script or style, and fetch nothing from another origin.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The preload polyfill would be an inline script; every supported browser has
    // native module preload.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
