import { defineConfig } from 'prisma/config';

// Prisma 7 reads the schema's location from here. Migrations are applied by
// src/store/migrations.ts through the WASM schema engine (see README), so no
// datasource URL is needed for `prisma generate`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
