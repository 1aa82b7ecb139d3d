/** The wire contract: every schema the form, the client and the server parse with. */
export * from './attachment';
export * from './browser';
export * from './context';
export * from './draft';
export * from './fields';
export * from './requests';
export * from './ticket';
export * from './rating';
export * from './follow-up';
