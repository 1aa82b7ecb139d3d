import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The Support API as plain JavaScript for production (`npm run serve` = `node dist/server/main.js`): one ES
 * module, Node 20, every package import left to node_modules (the packages in `dependencies`).
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      // Only the repository's own modules are bundled; packages and node built-ins are imported at run time.
      external: (id) => builtinModules.includes(id) || id.startsWith('node:') || (/^[@a-z]/i.test(id) && !id.startsWith('/')),
      output: { format: 'es', entryFileNames: 'main.js' },
    },
  },
});
