import type { Plugin } from 'vite';

/** react-dom's marker errors created without a stack (see react-markers.mjs). */
export function stacklessReactMarkers(): Plugin;
