// `npm start`: builds the widget and its loader (as `npm run build` does), then runs the reference Support API
// in dev mode on 127.0.0.1:8787 with its SQLite file under ./data/, serving the demo LMS and the operator page.
// `npm start -- --no-build` skips the build (the server warns when dist/widget is missing).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { build } from 'vite';

const skipBuild = process.argv.includes('--no-build') || process.env.SUPPORT_SKIP_BUILD === '1';

const serverEnv = { ...process.env };

if (!skipBuild) {
  const started = Date.now();
  // A NODE_ENV of development or test left in the shell would make vite emit a development bundle.
  process.env.NODE_ENV = 'production';
  console.info('[start] building the widget (dist/widget/chunks) and the loader (dist/widget/loader.js)…');
  try {
    // Same as `vite build && vite build --mode loader`: the loader's build reads the widget's manifest.
    await build({ mode: 'production', logLevel: 'warn' });
    await build({ mode: 'loader', logLevel: 'warn' });
  } catch (error) {
    console.error('[start] the build failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.info(`[start] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const env = {
  ...serverEnv,
  SUPPORT_DEV: process.env.SUPPORT_DEV ?? '1',
  PORT: process.env.PORT ?? '8787',
  HOST: process.env.HOST ?? '127.0.0.1',
};
// The server prints its API, demo and operator URLs once it listens.
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// Ended by a signal, the server did not stop cleanly: say so in the exit code, as a shell does (128 + its number).
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
