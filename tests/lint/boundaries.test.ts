import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Proves the import-boundary rule resolves TypeScript imports: a rule that cannot resolve passes silently.
const eslint = new ESLint({ cwd: process.cwd() });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('import boundaries (docs/architecture.md)', () => {
  it.each([
    ['src/core/x.ts', "import { SupportApiError } from '../api/api-error';\nexport const a = SupportApiError;\n"],
    ['src/core/x.ts', "import { WidgetEnvProvider } from '../widget/shared/env';\nexport const a = WidgetEnvProvider;\n"],
    ['src/server/x.ts', "import { unwrap } from '../api/api-error';\nexport const a = unwrap;\n"],
    ['src/api/x.ts', "import { WidgetEnvProvider } from '../widget/shared/env';\nexport const a = WidgetEnvProvider;\n"],
  ])('%s may not import %s', async (filePath, code) => {
    expect(await rulesBroken(filePath, code)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['src/server/x.ts', "import { canTransition } from '../core';\nexport const a = canTransition;\n"],
    ['src/api/x.ts', "import { canTransition } from '../core';\nexport const a = canTransition;\n"],
    ['src/widget/x.ts', "import { unwrap } from '../api/api-error';\nexport const a = unwrap;\n"],
  ])('%s may import %s', async (filePath, code) => {
    expect(await rulesBroken(filePath, code)).not.toContain('import-x/no-restricted-paths');
  });

  it('keeps the core free of the clock and the DOM', async () => {
    const broken = await rulesBroken('src/core/x.ts', 'export const a = Date.now();\nexport const b = new Date();\nexport const c = document.title;\n');
    expect(broken).toEqual(['no-restricted-properties', 'no-restricted-syntax', 'no-restricted-globals']);
  });

  it('forbids HTML sinks in our source', async () => {
    const broken = await rulesBroken('src/widget/x.ts', "export function f(el: HTMLElement) { el.innerHTML = '<b>x</b>'; }\n");
    expect(broken).toContain('no-restricted-syntax');
  });
});
