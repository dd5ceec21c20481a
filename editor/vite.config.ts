import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { designerPreload } from './build/designer-preload.ts';
import { precompress } from './build/precompress.ts';

const editorRoot = fileURLToPath(new URL('.', import.meta.url));

// The runtime serves the built editor at '/'; in development Vite proxies the API to it.
export default defineConfig(({ command }) => {
  // A build started without NODE_ENV (or under a test runner's NODE_ENV=test) shipped React's
  // development build, several times slower; a build is for production unless asked otherwise.
  if (command === 'build' && process.env.NODE_ENV !== 'development') process.env.NODE_ENV = 'production';
  return {
    root: editorRoot,
    base: '/',
    plugins: [react(), designerPreload(editorRoot), precompress()],
    build: {
      outDir: fileURLToPath(new URL('./dist', import.meta.url)),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
    },
    server: {
      fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
      proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
    },
  };
});
