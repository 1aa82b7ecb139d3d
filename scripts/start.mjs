// `npm start`: the reference Support API in dev mode with its SQLite file under ./data/.
import { spawn } from 'node:child_process';

const env = { ...process.env, SUPPORT_DEV: process.env.SUPPORT_DEV ?? '1' };
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
