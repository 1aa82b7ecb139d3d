/** The path prefix of every route of the Support API. */
export const API_PREFIX = '/api/v1';
