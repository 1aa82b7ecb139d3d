import type { Plugin } from 'vite';

/** react-hook-form's mount without the re-render for `isReady` (see form-ready.mjs). */
export function formReadyWithoutRerender(): Plugin;
