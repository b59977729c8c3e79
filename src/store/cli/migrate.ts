import { config } from 'dotenv';
import { PacerError } from '../../errors.js';
import { openDatabase } from '../database.js';

// `npm run db:migrate`: what `prisma migrate deploy` does, without Prisma's native engine.
config({ quiet: true });

async function main(): Promise<void> {
  const database = await openDatabase(process.env.DATABASE_URL, { command: 'npm run db:migrate' });
  try {
    const applied = database.migrationsApplied;
    if (applied.length === 0) console.log(`${database.describe}: up to date.`);
    else console.log(`${database.describe}: applied ${applied.join(', ')}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (!(error instanceof PacerError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
});
