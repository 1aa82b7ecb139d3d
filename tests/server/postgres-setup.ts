/**
 * Global setup of the PostgreSQL run of the server suite: one throw-away cluster for the run, with a migrated
 * template database each test server's own database is copied from.
 */
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migratePostgres } from '../../src/server/storage/postgres-migrations';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresBin: string;
  }
}

/** The template each test database is created from. */
export const TEMPLATE_DATABASE = 'support_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`) });
  await template.connect();
  await migratePostgres(template, new Date());
  await template.end();
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresBin', cluster.binDir);
  return () => cluster.stop();
}
