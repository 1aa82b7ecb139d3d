/** Pure rules of tickets that every API implementation shares: numbers, idempotency, replies, list lines. */
export * from './numbers';
export * from './idempotency';
export * from './reply';
export * from './summary';
