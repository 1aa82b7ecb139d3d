/**
 * The request for the widget's second file. The entry imports this module before anything else, so the
 * request starts before the entry evaluates React, and the file is evaluated later, in a task of its own.
 */
export const widgetApp = import('./widget-app');
