import { runMigrations } from '#database';

// Every e2e file starts on the full schema. The first file applies the migrations; later ones find nothing to do.
beforeAll(async () => {
  await runMigrations(process.env.DATABASE_URL!);
});
