/**
 * The widget's build leaves i18next's debug-only messages out (scripts/quiet-i18next.mjs): the rewritten module
 * has none of their text, keeps the one that always prints, and translates as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { i18n as I18n } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { quietI18next } from '../../scripts/quiet-i18next.mjs';

const nodeRequire = createRequire(import.meta.url);
// The ES module the widget bundles (the package's `import` entry for browsers).
const I18NEXT = join(dirname(nodeRequire.resolve('i18next/package.json')), 'dist', 'esm', 'i18next.js');

type Transform = (code: string, id: string) => { code: string } | null;

function rewritten(): string {
  const transform = quietI18next().transform as Transform;
  const result = transform(readFileSync(I18NEXT, 'utf8'), I18NEXT);
  if (result === null) throw new Error('i18next was not rewritten');
  return result.code;
}

/** The module, evaluated from its text. */
async function load(code: string): Promise<{ createInstance(): I18n }> {
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { createInstance(): I18n };
}

describe('i18next built for the widget', () => {
  it('has none of the messages that print only in debug mode, and keeps the one that always prints', () => {
    const stock = readFileSync(I18NEXT, 'utf8');
    const code = rewritten();
    for (const message of ['This means something IS WRONG in your setup', 'It seems you are nesting recursively key', 'missed to pass in variable']) {
      expect(stock).toContain(message);
      expect(code).not.toContain(message);
    }
    expect(code).toContain('No Intl support, please use an Intl polyfill!');
    expect(code.length).toBeLessThan(stock.length - 3000);
  });

  it('translates as the stock module does, and says nothing where the stock one says nothing either', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    try {
      for (const module of [await load(readFileSync(I18NEXT, 'utf8')), await load(rewritten())]) {
        const i18n = module.createInstance();
        await i18n.init({
          lng: 'ru',
          fallbackLng: 'ru',
          ns: ['app'],
          defaultNS: 'app',
          resources: { ru: { app: { title: 'Новое обращение', count_one: '{{count}} обращение', count_few: '{{count}} обращения' } } },
        });
        expect(i18n.t('title')).toBe('Новое обращение');
        expect(i18n.t('count', { count: 3 })).toBe('3 обращения');
        expect(i18n.t(['missing', 'title'])).toBe('Новое обращение');
        // A key of a namespace never loaded: the stock module warns about it only with `debug`.
        expect(i18n.t('other:key')).toBe('key');
      }
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  it('leaves other files alone', () => {
    const transform = quietI18next().transform as Transform;
    expect(transform('this.logger.warn("x");', '/src/widget/shared/i18n.ts')).toBeNull();
  });
});
