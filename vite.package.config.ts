import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The npm package: ES modules with the dependencies left to the installer (React is a peer dependency),
 * entries for `mount`, the React component and the core. Types come from tsconfig.package.json.
 */
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist/package',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: {
      entry: {
        index: 'src/embed/package/mount.ts',
        react: 'src/embed/package/react.tsx',
        core: 'src/core/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => /^(react|react-dom|react\/|react-dom\/|i18next|@tanstack\/|zod|react-hook-form|@hookform\/|modern-screenshot)/.test(id),
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The React entry renders on the client only: frameworks with server components must see it as such.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'react' ? "'use client';" : ''),
      },
    },
  },
});
