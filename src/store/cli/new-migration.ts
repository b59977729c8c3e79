import { join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PacerError } from '../../errors.js';
import { PGliteAdapterFactory } from '../database.js';
import { createMigration, defaultMigrationsDir } from '../migrations.js';

// `npm run db:migration -- <name>`: what `prisma migrate dev --create-only` does. The
// migrations are replayed on a throwaway in-memory PGlite, so no database is touched.
async function main(name: string | undefined): Promise<void> {
  if (name === undefined) {
    throw Object.assign(new PacerError('migration_name_missing'), {
      message: 'Usage: npm run db:migration -- <name>   (e.g. add_goal_notes)',
    });
  }
  const scratch = await PGlite.create();
  try {
    const folder = await createMigration(name, new PGliteAdapterFactory(scratch));
    if (folder === null) {
      console.log('prisma/schema.prisma matches the migrations: nothing to write.');
    } else {
      const file = join(defaultMigrationsDir, folder, 'migration.sql');
      console.log(`Wrote ${relative(process.cwd(), file)}. Apply it with npm run db:migrate.`);
    }
  } finally {
    await scratch.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (!(error instanceof PacerError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
});
