import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build` (npm test builds first): the package's exports must point at real files.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { types: string; import: string }> };

describe('npm package', () => {
  it.each(Object.entries(pkg.exports))('export %s points at built files', (_name, target) => {
    const files = typeof target === 'string' ? [target] : [target.import, target.types];
    for (const file of files) expect(existsSync(file), file).toBe(true);
  });

  it('exports mount, the React component and the core', async () => {
    // Paths through a variable: the built files have no types of their own beside them (those are in types/).
    const load = (file: string) => import(/* @vite-ignore */ new URL(`../../dist/package/${file}`, import.meta.url).href) as Promise<Record<string, unknown>>;
    const [main, react, core] = await Promise.all([load('index.js'), load('react.js'), load('core.js')]);
    expect(typeof main['mount']).toBe('function');
    expect(typeof react['UchiSupportWidget']).toBe('function');
    expect(typeof core['ticketDraftSchema']).toBe('object');
    expect(typeof core['reviewDeadline']).toBe('function');
  });

  it('keeps React out of the package (a peer dependency)', () => {
    const code = readFileSync('dist/package/react.js', 'utf8');
    expect(code).toMatch(/from "react"/);
    expect(code).not.toContain('react.transitional.element');
  });
});
