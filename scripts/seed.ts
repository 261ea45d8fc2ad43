/** npm run db:seed — the demo data, into DATABASE_URL (or the embedded database) when empty. */
import { openDatabase } from "./db/open-database";
import { applyMigrations } from "./db/migrations";
import { runMain } from "./db/user-facing-error";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { quietKnownWarnings } from "./db/quiet-known-warnings";

quietKnownWarnings();

runMain(async () => {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) console.error(`Applied migrations: ${applied.join(", ")}`);
    const seeded = await seedDemoIfEmpty(database.url, (line) => console.error(`  ${line}`));
    console.error(seeded ? "Demo data loaded." : "The database already has data: nothing seeded.");
  } finally {
    await database.stop();
  }
});
