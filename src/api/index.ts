/** The client side of the HTTP contract: the SupportApi interface, its context and react-query hooks. */
export * from './api-error';
export * from './context';
export * from './hooks';
export * from './query-keys';
export type * from './types';
