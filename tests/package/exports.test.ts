import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build` (npm test builds first): the package's exports must point at real files.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, string | { types: string; import?: string; default?: string }>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  sideEffects: string[];
};

/** Every JavaScript file the package ships, below a built folder. */
function shippedScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : shippedScripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** The package a bare import specifier names: `react-dom/client` → `react-dom`, `@scope/a/b` → `@scope/a`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('npm package', () => {
  it.each(Object.entries(pkg.exports))('export %s points at built files', (_name, target) => {
    const files = typeof target === 'string' ? [target] : [target.import ?? target.default, target.types];
    for (const file of files) expect(file !== undefined && existsSync(file), file).toBe(true);
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

  // A consumer's bundler resolves these from the consumer's node_modules: a devDependency is not installed there.
  it('imports at run time only its dependencies and its peers', () => {
    // As published (dist/package-root): what a host installs with it.
    const published = JSON.parse(readFileSync('dist/package-root/package.json', 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    const imported = new Set<string>();
    for (const file of [...shippedScripts('dist/package'), ...shippedScripts('dist/widget')]) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g)) {
        imported.add(packageOf(match[1] ?? ''));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    for (const name of imported) {
      expect(name in published.dependencies || name in published.peerDependencies, `${name} is a dependency or a peer`).toBe(true);
    }
  });

  it('takes React only as a peer, so a host never gets a second copy', () => {
    for (const name of ['react', 'react-dom']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.peerDependencies[name], name).toBe('>=19.0.0');
    }
  });

  it('marks the React entry as client code', () => {
    expect(readFileSync('dist/package/react.js', 'utf8').startsWith('"use client";')).toBe(true);
  });

  it('names the shipped browser entries as side effects, so an import of element.js is kept', () => {
    expect(pkg.sideEffects).toEqual(expect.arrayContaining(['./dist/widget/loader.js', './dist/widget/element.js']));
  });
});
