import type { TestProject } from 'vitest/node';
import { openDb } from '@/db/client';
import { buildPgliteTemplate } from './harness/pglite-template';
import { createDatabase, startPostgres, type TestPostgres } from './harness/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway PostgreSQL server; tests create their own databases on it. */
    postgresUrl: string;
    /** A migrated database on that server, which openTestDb copies (CREATE DATABASE … TEMPLATE). */
    postgresTemplate: string;
    /** A migrated PGlite data directory that test files copy (see test/harness/pglite-template.ts). */
    pgliteTemplateDir: string;
  }
}

const POSTGRES_TEMPLATE = 'porthole_migrated';

/**
 * The run's PostgreSQL server, with a migrated database that test databases are copied from:
 * no test file runs the migrations again (a copy took 0.27–0.31 s here, creating and migrating
 * a database 0.36–0.44 s).
 */
async function startMigratedPostgres(): Promise<TestPostgres> {
  const postgres = await startPostgres();
  try {
    const handle = await openDb({ driver: 'postgres', url: await createDatabase(postgres.url, POSTGRES_TEMPLATE) });
    await handle.close();
    return postgres;
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

/** One real PostgreSQL server and one migrated PGlite template for the whole vitest run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, template] = await Promise.allSettled([startMigratedPostgres(), buildPgliteTemplate()]);
  if (postgres.status === 'rejected' || template.status === 'rejected') {
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (template.status === 'fulfilled') template.value.remove();
    throw postgres.status === 'rejected' ? postgres.reason : (template as PromiseRejectedResult).reason;
  }
  project.provide('postgresUrl', postgres.value.url);
  project.provide('postgresTemplate', POSTGRES_TEMPLATE);
  project.provide('pgliteTemplateDir', template.value.dir);
  return async () => {
    template.value.remove();
    await postgres.value.stop();
  };
}
