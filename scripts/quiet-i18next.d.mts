import type { Plugin } from 'vite';

/** i18next's debug-only log messages left out of the widget's bundle (see quiet-i18next.mjs). */
export function quietI18next(): Plugin;
