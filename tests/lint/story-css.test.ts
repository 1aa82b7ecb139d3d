/**
 * Stories render the widget's parts one by one, without the screens that adopt each part's CSS: every style sheet
 * of the widget must reach them, either with the main file's (app/styles.ts) or with the lazy parts' (stories/
 * support/parts.ts), or a story shows a part unstyled that the widget shows styled.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssFiles(path);
    return name.endsWith('.css') ? [relative(join(ROOT, 'src/widget'), path)] : [];
  });
}

describe('the stories’ styles', () => {
  it('include every style sheet of the widget', () => {
    const main = readFileSync(join(ROOT, 'src/widget/app/styles.ts'), 'utf8');
    const lazy = readFileSync(join(ROOT, 'stories/support/parts.ts'), 'utf8');
    const missing = cssFiles(join(ROOT, 'src/widget')).filter((file) => {
      const name = file.split('/').slice(-2).join('/');
      return file !== 'app/styles.css' && !main.includes(`${name}?inline`) && !lazy.includes(`${name}?inline`);
    });
    expect(missing).toEqual([]);
  });
});
