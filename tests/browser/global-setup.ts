/**
 * Once per run of the browser suite: make sure dist/widget is built from the current sources, and start one
 * Chromium that every test file connects to (each test gets its own context).
 */
import { chromium } from 'playwright';
import type { TestProject } from 'vitest/node';
import { ensureWidgetBuilt } from './build';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  console.info(`[browser] ${await ensureWidgetBuilt()}`);
  const server = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
