/**
 * Moves recordings between stores: `npm run recordings:migrate -- --to=s3 [--dry-run]`.
 * The work is in server/recording/migrate-store; this only runs it.
 */
import { runMigrateCommand } from '@/server/recording/migrate-store/migrate-command';

runMigrateCommand(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`recordings:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
