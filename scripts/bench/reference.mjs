// Builds the same-stack reference bundle (scripts/bench/reference/form.tsx) as one minified IIFE, in memory.
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { stacklessReactMarkers } from '../react-markers.mjs';
import { ROOT } from './setup.mjs';

/**
 * The reference bundle's JavaScript: a plain build of the libraries, or (`stacklessMarkers`) built with the
 * widget's transform of react-dom too (scripts/react-markers.mjs), to compare like for like.
 */
export async function buildReference({ stacklessMarkers = false } = {}) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const output = await build({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      plugins: stacklessMarkers ? [react(), stacklessReactMarkers()] : [react()],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      publicDir: false,
      build: {
        write: false,
        target: 'es2022',
        lib: { entry: join(ROOT, 'scripts/bench/reference/form.tsx'), formats: ['iife'], name: 'SameStackReference', fileName: () => 'reference.js' },
      },
    });
    const chunk = (Array.isArray(output) ? output[0] : output).output.find((item) => item.type === 'chunk');
    return chunk.code;
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
