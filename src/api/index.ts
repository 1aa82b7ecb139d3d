/** The client side of the HTTP contract: the SupportApi interface, its HTTP client, context and react-query hooks. */
export * from './api-error';
export * from './context';
export * from './hooks';
export * from './live-hooks';
export * from './mutation-hooks';
export * from './query-keys';
export type * from './types';
export { createHttpSupportApi } from './http-client';
export type { HttpSupportApi, HttpSupportApiOptions } from './http-client';
export { createLazySupportApi } from './lazy-client';
export { newIdempotencyKey } from './idempotency';
export { isGuestKey, newGuestKey } from './guest-key';
export { InvalidBaseUrlError } from './url';
export type { LiveOptions } from './live-options';
export type { Timers } from './globals';
export type { RetryPolicy } from './retry';
export type { RawResponse, Send, SendRequest } from './transport';
