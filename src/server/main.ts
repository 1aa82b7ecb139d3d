/**
 * `npm run server`: reads the environment, migrates, listens, and shuts down cleanly on SIGINT/SIGTERM.
 * With `--workers N` this process forks N workers that do so (src/server/workers.ts).
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, databaseSettings, loadConfig } from './config';
import { API_PREFIX } from './app';
import { processLogger } from './process-logger';
import { DEMO_PATHS, defaultDemoDirs } from './routes/demo';
import { startServer } from './start';
import { onStopSignals } from './stop-signals';
import { copySqliteToPostgres } from './storage/copy-to-postgres';
import { describeStorage } from './storage/open';
import { commandLineFrom, runPrimary, USAGE } from './workers';

/** The demo's addresses, printed in dev mode so `npm start` says where to click. */
function printDemo(url: string, agentToken: string | null, widgetBuilt: boolean): void {
  const lines = [
    '[support] Demo LMS (dev mode):',
    `  Курс «Охрана труда»     ${url}${DEMO_PATHS.course}`,
    `  Тест (урок курса)       ${url}${DEMO_PATHS.lesson}`,
    `  Заявка на обучение      ${url}${DEMO_PATHS.order}`,
    `  Техподдержка Uchi.Pro   ${url}${DEMO_PATHS.support}   (widget inline)`,
    `  Оператор                ${url}${DEMO_PATHS.operator}   (agent token: ${agentToken ?? 'none'})`,
  ];
  console.error(lines.join('\n'));
  if (!widgetBuilt) console.warn('[support] dist/widget is not built: run `npm run build` (npm start does it) or the demo pages show no widget.');
}

async function main(): Promise<void> {
  const logger = processLogger(cluster.worker?.id);
  // Node's own warnings (a library's deprecation, the database driver's note on TLS modes) are log lines like the
  // rest, named in a worker, rather than Node's «(node:1234) …» past the prefix every stderr line carries.
  // Node's switches keep their meaning: --no-warnings (NODE_NO_WARNINGS=1) prints none, --trace-warnings the stack.
  const silent = process.execArgv.includes('--no-warnings') || process.env.NODE_NO_WARNINGS === '1';
  const traced = process.execArgv.includes('--trace-warnings');
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    if (silent) return;
    const code = warning.code === undefined ? '' : ` [${warning.code}]`;
    logger.warn(`[support] ${traced && warning.stack !== undefined ? warning.stack : `${warning.name}${code}: ${warning.message}`}`);
  });
  let server;
  try {
    server = await startServer({ logger });
  } catch (error) {
    logger.error(error instanceof ConfigError ? `[support] ${error.message}` : error);
    process.exit(1);
  }
  logger.info(`[support] Support API listening on ${server.url}${API_PREFIX} (db: ${describeStorage(server.config)})`);
  if (server.metricsUrl !== null) logger.info(`[support] metrics at ${server.metricsUrl}`);
  // Among workers only the first says where the widget is (a script tag pointing at this server would otherwise
  // fail without a word) and prints the demo's addresses.
  if (cluster.worker === undefined || cluster.worker.id === 1) {
    const built = existsSync(join(defaultDemoDirs().widgetDir, 'loader.js'));
    if (!server.config.dev && !server.config.serveWidget) {
      logger.info('[support] The widget is not served here (SUPPORT_SERVE_WIDGET=1 serves dist/widget at /widget/; or host it on a CDN).');
    } else if (built) {
      logger.info(`[support] Widget served at ${server.url}/widget/loader.js`);
    } else if (!server.config.dev) {
      // Dev mode says so with the demo's addresses.
      logger.warn('[support] SUPPORT_SERVE_WIDGET=1 but dist/widget is not built: /widget/loader.js answers 404. Run `npm run build`.');
    }
    if (server.config.dev) printDemo(server.url, server.config.agentToken, built);
  }
  const stop = (signal: string) => {
    logger.info(`[support] ${signal}: shutting down`);
    server.close().then(
      () => {
        // The log's last word: the stop finished (a supervisor's kill after its timeout leaves no such line).
        logger.info('[support] stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  onStopSignals(stop, (line) => logger.warn(line));
}

/** `--copy-to-postgres`: the SQLite database into a new PostgreSQL one, then what to do next; exits. */
async function copyToPostgres(): Promise<never> {
  try {
    const { dbPath, databaseUrl } = databaseSettings(process.env);
    if (databaseUrl === null) throw new ConfigError('--copy-to-postgres copies SUPPORT_DB into the database SUPPORT_DATABASE_URL names: set it to the new, empty PostgreSQL database.');
    console.error(`[support] copying ${dbPath} into ${describeStorage({ databaseUrl, dbPath })}…`);
    const counts = await copySqliteToPostgres(dbPath, databaseUrl, new Date(), (line) => console.error(`[support] ${line}`));
    console.error(`[support] copied: ${Object.entries(counts).map(([table, count]) => `${table} ${count}`).join(', ')}.`);
    console.error(
      '[support] Next: start the server with SUPPORT_DATABASE_URL (and without SUPPORT_DB), with SUPPORT_ATTACHMENTS_DIR naming the SQLite ' +
        'database\'s attachments folder (or a copy of it), whose .support-database marker you delete: the database has moved there for good. ' +
        'Keep the SQLite file until the new server has run a while; do not serve it again, or the two would hand out the same numbers.',
    );
    process.exit(0);
  } catch (error) {
    console.error(error instanceof ConfigError ? `[support] ${error.message}` : error);
    process.exit(1);
  }
}

let workers = 0;
try {
  const line = commandLineFrom(process.argv.slice(2));
  if (line.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (line.copyToPostgres) await copyToPostgres();
  workers = line.workers;
} catch (error) {
  console.error(`[support] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (workers > 0 && cluster.isPrimary) {
  // A wrong setting stops the start here, once, rather than in every worker the primary would fork again.
  let metrics;
  try {
    metrics = loadConfig(process.env).config.metrics;
  } catch (error) {
    console.error(error instanceof ConfigError ? `[support] ${error.message}` : error);
    process.exit(1);
  }
  runPrimary(workers, metrics);
} else void main();
