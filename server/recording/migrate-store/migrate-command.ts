import path from 'node:path';
import { z } from 'zod';
import { openDb, setDb } from '@/db/client';
import { RECORDING_STORES } from '@/db/recording-schema';
import { formatCount } from '@/lib/format/count';
import { env } from '../../env';
import { migrateRecordings, type MigrationSummary } from './migrate-recordings';

const argsSchema = z.object({ to: z.enum(RECORDING_STORES, { message: `--to must be one of ${RECORDING_STORES.join(', ')}` }), isDryRun: z.boolean() });

/** `--to=s3 [--dry-run]` as options, or a message saying what is wrong. */
export function parseMigrateArgs(argv: string[]): z.infer<typeof argsSchema> | { error: string } {
  const unknown = argv.filter((arg) => !/^--to=/.test(arg) && arg !== '--dry-run');
  if (unknown.length > 0) return { error: `unknown argument ${unknown[0]}; usage: recordings:migrate -- --to=file|postgres|s3 [--dry-run]` };
  const parsed = argsSchema.safeParse({ to: argv.find((arg) => arg.startsWith('--to='))?.slice(5), isDryRun: argv.includes('--dry-run') });
  return parsed.success ? parsed.data : { error: parsed.error.issues[0]?.message ?? 'bad arguments' };
}

/**
 * `npm run recordings:migrate -- --to=s3`: opens the configured database (with the embedded
 * one, Porthole must be stopped: one process per data directory), moves the recordings and
 * prints a line per recording and a summary. Exit code 1 when any recording failed.
 */
export async function runMigrateCommand(argv: string[], print: (line: string) => void): Promise<number> {
  const args = parseMigrateArgs(argv);
  if ('error' in args) {
    print(args.error);
    return 2;
  }
  if (args.to === 's3' && !env().s3) {
    print('--to=s3 needs PORTHOLE_S3_BUCKET (and PORTHOLE_S3_ENDPOINT, PORTHOLE_S3_REGION… as the server uses them)');
    return 2;
  }
  const config = env();
  const handle = await openDb(
    config.databaseUrl ? { driver: 'postgres', url: config.databaseUrl } : { driver: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  setDb(handle);
  try {
    const summary = await migrateRecordings({ to: args.to, isDryRun: args.isDryRun, onProgress: print });
    print(summaryLine(args.to, args.isDryRun, summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

function summaryLine(to: string, isDryRun: boolean, summary: MigrationSummary): string {
  const parts = [
    isDryRun ? `dry run: ${formatCount(summary.wouldMove, 'recording')} would move to ${to}` : `${formatCount(summary.moved, 'recording')} moved to ${to}`,
    `${formatCount(summary.skippedLive, 'live recording')} skipped`,
  ];
  if (summary.failed.length > 0) parts.push(`${summary.failed.length} failed (left where they were)`);
  if (summary.cleaned > 0) parts.push(`${formatCount(summary.cleaned, { one: 'leftover copy', other: 'leftover copies' })} removed`);
  return `${parts.join(', ')}.`;
}
