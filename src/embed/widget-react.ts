/**
 * React and react-dom, evaluated with the entry: the first of the widget's two evaluation tasks (the widget
 * file, with the other libraries, is the second). Bundled CommonJS runs when first required, so the entry
 * requires it here rather than leaving it to the widget file's evaluation.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/** True once React and react-dom have been evaluated. */
export const reactEvaluated = typeof createRoot === 'function' && typeof createElement === 'function';
