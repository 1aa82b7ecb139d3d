import { existsSync, readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin, UserConfig } from 'vite';
import { formReadyWithoutRerender } from './scripts/form-ready.mjs';
import { quietI18next } from './scripts/quiet-i18next.mjs';
import { stacklessReactMarkers } from './scripts/react-markers.mjs';

const OUT = 'dist/widget';

/** The hashed file name of the widget entry, read from the manifest the widget build wrote. */
function widgetEntryFile(): string {
  const manifestPath = `${OUT}/.vite/manifest.json`;
  if (!existsSync(manifestPath)) throw new Error('Build the widget before the loader: npm run build');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
  const entry = manifest['src/embed/widget-entry.ts'];
  if (entry === undefined) throw new Error('The widget manifest names no entry');
  return entry.file;
}

/**
 * Bundled CommonJS (React, react-dom) is wrapped in arrow functions that run once, at the first require. V8
 * compiles such a function lazily, on the main thread, when it is called: for react-dom that is the largest
 * part of evaluating the entry. Written as a parenthesized function expression, the form V8 takes for "called
 * at once", it is compiled with the rest of the file while the file streams in, off the main thread.
 */
function eagerCommonJs(): Plugin {
  return {
    name: 'uchi-support:eager-commonjs',
    // After minification (the names are the minifier's): the content hash, taken before, covers this rewrite too.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.name !== 'widget') continue;
        // The runtime's wrapper call as the minifier writes it: `=o((e=>{` or `=o(((e,t)=>{`.
        chunk.code = chunk.code.replace(/=(\w{1,2})\(\(\(?(\w)(,\w)?\)?=>\{/g, (_m, wrap: string, a: string, b = '') => `=${wrap}((function(${a}${b}){`);
      }
    },
  };
}

/** The widget bundle: React and everything else inside, chunks named by content hash, lazy screenshot chunk. */
const widget: UserConfig = {
  plugins: [react(), eagerCommonJs(), stacklessReactMarkers(), formReadyWithoutRerender(), quietI18next()],
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
      // Two entries: the loader's (React) and the widget (everything else), which the first one requests at once.
      input: { widget: 'src/embed/widget-entry.ts', app: 'src/embed/widget-app.ts', element: 'src/embed/element.ts' },
      // An entry may carry the exports of what it absorbs: the rolldown runtime and React live in the loader's
      // entry, the widget's own modules and the other libraries in the widget's, so nothing is left to discover.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        // element.js is loaded by a host's script tag, so its name is stable like the loader's.
        // Six characters of hash (36 bits) tell a chunk's versions apart; the entry names every lazy chunk, and each
        // hash is bytes gzip cannot shrink. The entry the loader imports is `w-…`: its name is in loader.js, whose
        // every byte counts. The lazy chunks are named by their hash alone: the widget file names them all, and their
        // names cost it about 90 bytes gzip (the build's manifest says which module each one holds).
        entryFileNames: (chunk) => (chunk.name === 'element' ? 'element.js' : chunk.name === 'widget' ? 'chunks/w-[hash:6].js' : 'chunks/[name]-[hash:6].js'),
        chunkFileNames: 'chunks/[hash:6].js',
        assetFileNames: 'chunks/[name]-[hash:6][extname]',
        // The first open is two files, fetched together and evaluated one task each: the entry with React and
        // react-dom (about half of the evaluation), and the widget with the rest of what the first screen needs.
        // The custom element's own modules stay in element.js, so loading the main files defines nothing.
        codeSplitting: {
          groups: [
            { name: 'widget', priority: 2, test: (id) => /rolldown[:/]runtime|[\\/](src[\\/]embed[\\/](widget-entry|widget-app-request|widget-react|bridge|page)\.ts|node_modules[\\/](react|react-dom|scheduler)[\\/])/.test(id) },
            { name: 'app', priority: 1, tags: ['$initial'], test: (id) => !/[\\/]src[\\/]embed[\\/](element\.ts|package[\\/])/.test(id) },
          ],
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
