/** `npm run server`: reads the environment, migrates, listens, and shuts down cleanly on SIGINT/SIGTERM. */
import { ConfigError } from './config';
import { API_PREFIX } from './app';
import { startServer } from './start';

async function main(): Promise<void> {
  let server;
  try {
    server = await startServer();
  } catch (error) {
    console.error(error instanceof ConfigError ? `[support] ${error.message}` : error);
    process.exit(1);
  }
  console.info(`[support] Support API listening on ${server.url}${API_PREFIX} (db: ${server.config.dbPath})`);
  const stop = (signal: string) => {
    console.info(`[support] ${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
