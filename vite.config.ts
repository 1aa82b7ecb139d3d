import { existsSync, readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';

const OUT = 'dist/widget';

/** The hashed file name of the widget entry, read from the manifest the widget build wrote. */
function widgetEntryFile(): string {
  const manifestPath = `${OUT}/.vite/manifest.json`;
  if (!existsSync(manifestPath)) throw new Error('Build the widget before the loader: npm run build');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry === true && chunk.file.includes('/widget-'));
  if (entry === undefined) throw new Error('The widget manifest names no entry');
  return entry.file;
}

/** The widget bundle: React and everything else inside, chunks named by content hash, lazy screenshot chunk. */
const widget: UserConfig = {
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: OUT,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    manifest: true,
    rolldownOptions: {
      input: { widget: 'src/embed/widget-entry.ts', element: 'src/embed/element.ts' },
      // The entry may carry the exports of what it absorbs: entry, the rolldown runtime and everything it imports
      // statically are one file, so the loader's one import has nothing left to discover.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        // element.js is loaded by a host's script tag, so its name is stable like the loader's.
        entryFileNames: (chunk) => (chunk.name === 'element' ? 'element.js' : 'chunks/[name]-[hash].js'),
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
        // Everything the widget entry imports statically is one file, the main chunk: one request, one gzip
        // window. The custom element's own modules stay in element.js, so loading the main chunk defines nothing.
        codeSplitting: {
          groups: [{ name: 'main', tags: ['$initial'], test: (id) => !/[\\/]src[\\/]embed[\\/](element\.ts|package[\\/])/.test(id) }],
        },
      },
    },
  },
};

/** The loader: one small classic script with a stable name, which knows the hashed entry it loads. */
function loader(): UserConfig {
  return {
    define: { __UCHI_SUPPORT_ENTRY__: JSON.stringify(widgetEntryFile()) },
    publicDir: false,
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: 'src/embed/loader.ts', formats: ['iife'], name: 'UchiSupportLoader', fileName: () => 'loader.js' },
    },
  };
}

export default defineConfig(({ mode }) => (mode === 'loader' ? loader() : widget));
