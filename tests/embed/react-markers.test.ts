/**
 * The widget's build creates react-dom's marker errors without a stack (scripts/react-markers.mjs): evaluating
 * the rewritten react-dom creates no error at all, and a component that suspends still suspends and shows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as ReactModule from 'react';
import { describe, expect, it, vi } from 'vitest';
import { stacklessReactMarkers } from '../../scripts/react-markers.mjs';

const nodeRequire = createRequire(import.meta.url);
// The production builds throughout, as the widget bundles them (the packages export no `cjs/` paths).
const production = (name: string, file: string) => join(dirname(nodeRequire.resolve(`${name}/package.json`)), 'cjs', file);
const REACT_DOM_CLIENT = production('react-dom', 'react-dom-client.production.js');
const PRODUCTION: Record<string, string> = {
  react: production('react', 'react.production.js'),
  scheduler: production('scheduler', 'scheduler.production.js'),
  'react-dom': production('react-dom', 'react-dom.production.js'),
};
const requireProduction = (name: string): unknown => nodeRequire(PRODUCTION[name] ?? name);

type Transform = (code: string, id: string) => { code: string } | null;

function rewritten(): string {
  const transform = stacklessReactMarkers().transform as Transform;
  const result = transform(readFileSync(REACT_DOM_CLIENT, 'utf8'), REACT_DOM_CLIENT);
  if (result === null) throw new Error('react-dom was not rewritten');
  return result.code;
}

/** Evaluates react-dom's client as a CommonJS module, counting the errors it creates meanwhile. */
function evaluate(code: string) {
  let created = 0;
  const counting = new Proxy(Error, {
    apply(target, self, args: [string?]) {
      created += 1;
      return Reflect.apply(target, self, args);
    },
    construct(target, args: [string?], newTarget) {
      created += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
  const module = { exports: {} as { createRoot: (container: Element) => { render(node: unknown): void; unmount(): void } } };
  // eslint-disable-next-line no-new-func -- a CommonJS module, evaluated with a counting `Error`
  new Function('Error', 'module', 'exports', 'require', code)(counting, module, module.exports, requireProduction);
  return { client: module.exports, created };
}

describe('react-dom built for the widget', () => {
  it('creates none of its marker errors when evaluated (the stock file creates five)', () => {
    expect(evaluate(readFileSync(REACT_DOM_CLIENT, 'utf8')).created).toBe(5);
    expect(evaluate(rewritten()).created).toBe(0);
  });

  it('leaves other files alone', () => {
    const transform = stacklessReactMarkers().transform as Transform;
    expect(transform('var SuspenseException = Error("x");', '/src/widget/app/Shell.tsx')).toBeNull();
  });

  it('still suspends on a pending promise and shows the content once it settles', async () => {
    const React = requireProduction('react') as typeof ReactModule;
    const { client } = evaluate(rewritten());
    let settle: (text: string) => void = () => undefined;
    const text = new Promise<string>((resolve) => (settle = resolve));
    const Content = () => React.use(text);
    const container = document.createElement('div');
    const root = client.createRoot(container);
    root.render(React.createElement(React.Suspense, { fallback: 'загрузка' }, React.createElement(Content)));
    await vi.waitFor(() => expect(container.textContent).toBe('загрузка'));
    settle('готово');
    await vi.waitFor(() => expect(container.textContent).toBe('готово'));
    root.unmount();
  });
});
