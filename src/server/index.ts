/** The reference Support API: start it, or sign reporter tokens the way an LMS backend would. */
export { API_PREFIX, createApp } from './app';
export { ConfigError, DEV_AGENT_TOKEN, DEV_TOKEN_SECRET, loadConfig } from './config';
export type { ConfigOverrides, NotificationsConfig, ServerConfig } from './config';
export { TOKEN_AUDIENCE, signReporterToken, verifyReporterToken } from './auth/tokens';
export type { ReporterProfile } from './auth/tokens';
export { openApiDocument } from './openapi';
export { startServer } from './start';
export type { RunningServer, StartServerOptions } from './start';
export { DEMO_IDS, DEMO_PATHS, defaultDemoDirs, demoPageCsp } from './routes/demo';
export type { DemoDirs } from './routes/demo';
