/**
 * The Dockerfile and the systemd unit, checked without Docker or systemd running: what they copy exists and is
 * not left out of the build context, they run the documented production command as a user other than root,
 * the container's health check asks /healthz, and they give the server longer to stop than its shutdown grace.
 * (`npm run serve` from a production-only install is proven in production.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';

const REPO = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string } };

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(text: string): Array<{ op: string; args: string }> {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [op = '', ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

/** The Dockerfile split into its stages, by the name after `AS`. */
function stages(): Map<string, Array<{ op: string; args: string }>> {
  const result = new Map<string, Array<{ op: string; args: string }>>();
  let current: Array<{ op: string; args: string }> = [];
  for (const instruction of instructions(read('Dockerfile'))) {
    if (instruction.op === 'FROM') {
      current = [instruction];
      result.set(/\bAS\s+(\S+)/i.exec(instruction.args)?.[1] ?? `stage${result.size}`, current);
    } else current.push(instruction);
  }
  return result;
}

/** `COPY [--from=x] [--chown=…] src… dest` → its sources and `from`. */
function copyOf(args: string): { from: string | null; sources: string[] } {
  const words = args.split(/\s+/);
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length) ?? null;
  const paths = words.filter((word) => !word.startsWith('--'));
  return { from, sources: paths.slice(0, -1) };
}

/** Whether .dockerignore leaves `path` (relative to the repository) out of the build context. */
function ignored(path: string): boolean {
  const patterns = read('.dockerignore')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const first = path.replace(/^\.\//, '').split('/')[0] ?? '';
  return patterns.some((pattern) => {
    if (pattern.startsWith('*')) return first.endsWith(pattern.slice(1));
    return pattern.replace(/\/$/, '') === first;
  });
}

describe('Dockerfile', () => {
  const byName = stages();
  const build = byName.get('build') ?? [];
  const runtime = byName.get('runtime') ?? [];

  it('has a build stage and a runtime stage on the Node major the package supports', () => {
    expect(build.length).toBeGreaterThan(0);
    expect(runtime.length).toBeGreaterThan(0);
    const major = Number(/(\d+)/.exec(packageJson.engines.node)?.[1]);
    for (const stage of [build, runtime]) expect(stage[0]?.args).toMatch(new RegExp(`^node:${major}[-.]`));
  });

  it('copies into the build only files that exist and that .dockerignore keeps', () => {
    const copies = build.filter((i) => i.op === 'COPY').map((i) => copyOf(i.args));
    expect(copies.length).toBeGreaterThan(0);
    for (const { from, sources } of copies) {
      expect(from).toBeNull();
      for (const source of sources) {
        expect(existsSync(join(REPO, source)), source).toBe(true);
        if (source !== '.') expect(ignored(source), `${source} is in .dockerignore`).toBe(false);
      }
    }
    // What `npm run build` reads must reach the build context.
    for (const needed of ['src', 'public', 'package.json', 'package-lock.json', 'vite.config.ts', 'vite.server.config.ts', 'tsconfig.json']) {
      expect(ignored(needed), `${needed} is in .dockerignore`).toBe(false);
    }
    // Local state and installs stay out.
    for (const local of ['node_modules', 'dist', 'data', '.git']) expect(ignored(local), local).toBe(true);
    const runs = build.filter((i) => i.op === 'RUN').map((i) => i.args).join('\n');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build\b/);
    expect(runs).toMatch(/npm prune --omit=dev\b/);
  });

  it('the runtime stage takes from the build what the production server reads, and nothing else', () => {
    const copies = runtime.filter((i) => i.op === 'COPY').map((i) => copyOf(i.args));
    for (const { from } of copies) expect(from).toBe('build');
    const sources = copies.flatMap((c) => c.sources).map((s) => s.replace(/^\/app\//, '')).sort();
    expect(sources).toEqual(['dist/server', 'dist/widget', 'node_modules', 'package.json']);
    // The server's bundle is what vite.server.config.ts writes, the widget what defaultDemoDirs serves.
    expect(read('vite.server.config.ts')).toMatch(/outDir: 'dist\/server'/);
    expect(read('src/server/routes/demo.ts')).toMatch(/widgetDir: join\(projectRoot\(\), 'dist', 'widget'\)/);
  });

  it('runs `node dist/server/main.js` as a user other than root, with /healthz as its health check', () => {
    const last = (op: string) => runtime.filter((i) => i.op === op).at(-1)?.args ?? '';
    expect(JSON.parse(last('CMD'))).toEqual(['node', 'dist/server/main.js']);
    expect(packageJson.scripts.serve).toMatch(/node dist\/server\/main\.js$/);
    expect(last('USER')).not.toMatch(/^(root|0)?$/);
    expect(last('HEALTHCHECK')).toContain('/healthz');
    const env = runtime.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    // Listening on the container's interface, data on the volume.
    expect(env).toMatch(/HOST=0\.0\.0\.0/);
    expect(env).toMatch(/SUPPORT_DB=\/data\//);
    expect(last('VOLUME')).toContain('/data');
  });
});

describe('systemd unit', () => {
  const unit = read('deploy/support-api.service');
  const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1]?.trim();

  it('runs the compiled server with node, not as root, restarted on failure', () => {
    expect(value('ExecStart')).toMatch(/^\/usr\/bin\/node \S*dist\/server\/main\.js$/);
    expect(value('User') ?? (value('DynamicUser') === 'yes' ? 'dynamic' : 'root')).not.toBe('root');
    expect(value('Restart')).toBe('on-failure');
    expect(value('StateDirectory')).toBeTruthy();
    expect(unit).toMatch(/^EnvironmentFile=/m);
  });

  it('sends SIGTERM and waits longer than the server\'s shutdown grace before killing', () => {
    expect(value('KillSignal')).toBe('SIGTERM');
    expect(Number(value('TimeoutStopSec')) * 1000).toBeGreaterThan(DEFAULT_GUARD_LIMITS.shutdownGraceMs);
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('systemd-analyze finds no unknown key or bad value', () => {
    const run = spawnSync('systemd-analyze', ['verify', join(REPO, 'deploy/support-api.service')], { encoding: 'utf8', timeout: 20_000 });
    const output = `${run.stdout}${run.stderr}`;
    // Lines naming the unit file are parse problems; others (a missing /opt folder on this machine) are not.
    const problems = output.split('\n').filter((line) => line.includes('support-api.service:'));
    expect(problems).toEqual([]);
  });
});
