/**
 * Story tests: every story in stories/ rendered in Chromium — render, play function, axe (zero violations) —
 * through @storybook/addon-vitest. Two projects: `storybook` runs every story in Russian with the light theme;
 * `storybook-en-dark` runs the stories tagged `en-dark` (one or more per screen) again in English with the dark
 * theme, so the other language and the dark palette's contrast are tested without doubling the run.
 * To be folded into vitest.config.ts. Run: npx vitest run -c vitest.storybook.config.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const configDir = path.join(dirname, '.storybook');

/** Debian's Chromium (browsers cannot be downloaded here); CHROMIUM_PATH points elsewhere on a developer's machine. */
const launchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
};

/** One story-test project: its name, and the plugin options (globals, tags) that make it differ. */
function storyProject(name: string, order: number, options: Parameters<typeof storybookTest>[0]): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [storybookTest({ configDir, ...options })],
    test: {
      name,
      // The projects run one after the other: two browsers at once on two cores only slow both down.
      sequence: { groupOrder: order },
      // All story files of a project share one iframe: loading Storybook, axe and the widget once per project
      // instead of once per file saves about a minute. Every story still gets a fresh harness and React root.
      isolate: false,
      setupFiles: [path.join(configDir, 'vitest.setup.ts')],
      browser: {
        enabled: true,
        headless: true,
        // The user's clock in Yekaterinburg (MSK+2), as in the stories' fixtures: local times are the same on every machine.
        provider: playwright({ launchOptions, contextOptions: { timezoneId: 'Asia/Yekaterinburg' } }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
}

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      storyProject('storybook', 0, {}),
      storyProject('storybook-en-dark', 1, { initialGlobals: { locale: 'en', theme: 'dark' }, tags: { include: ['en-dark'] } }),
    ],
  },
});
