/** The public domain core: pure rules and schemas shared by the widget, the client and the server. */
export * from './categories';
export * from './statuses';
export * from './schemas';
export * from './complete-url';
export * from './links';
export * from './phone';
export * from './browser-info';
export * from './priority';
export * from './calendar';
export * from './one-problem';
export * from './channels';
export * from './fields';
export * from './tickets';
export * from './attachment-names';
export * from './invisible';
export * from './capitalize';
