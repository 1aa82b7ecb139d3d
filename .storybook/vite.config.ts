/**
 * Vite config for Storybook (dev, static build and the story tests). The repo's own vite.config.ts builds
 * the widget bundle (production define, fixed entries), which is wrong for Storybook, so it is not used.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page under the tests.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      'i18next',
      'react-hook-form',
      '@hookform/resolvers/zod',
      'zod/mini',
      'modern-screenshot',
    ],
  },
});
