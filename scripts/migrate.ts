/**
 * npm run db:migrate                      apply pending migrations
 * npm run db:migration:create -- <name>   write prisma/migrations/<stamp>_<name>/ from schema.prisma
 * npm run db:drift                        exit 2 when schema.prisma and the migrations disagree
 */
import { openDatabase } from "./db/open-database";
import { applyMigrations, checkDrift, createMigration, diffFromEmpty } from "./db/migrations";
import { UserFacingError, runMain } from "./db/user-facing-error";
import path from "node:path";

runMain(async () => {
  const [command, name] = process.argv.slice(2);
  const database = await openDatabase();
  try {
    switch (command) {
      case "deploy": {
        const applied = await applyMigrations(database.url);
        console.error(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
        break;
      }
      case "create": {
        if (!name) throw new UserFacingError("Usage: npm run db:migration:create -- <name>");
        const folder = await createMigration(name, database.url);
        console.error(folder ? `Created ${path.relative(process.cwd(), folder)}` : "No schema changes.");
        break;
      }
      case "diff-empty": {
        process.stdout.write(await diffFromEmpty(database.url));
        break;
      }
      case "check": {
        const drift = await checkDrift(database.url);
        if (drift.length) {
          console.error(`DRIFT between prisma/schema.prisma and prisma/migrations:\n  ${drift.join("\n  ")}`);
          console.error("Create a migration: npm run db:migration:create -- <name>");
          await database.stop();
          process.exit(2);
        }
        console.error("In sync: prisma/schema.prisma matches prisma/migrations.");
        break;
      }
      default:
        throw new UserFacingError("Usage: tsx scripts/migrate.ts deploy | create <name> | diff-empty | check");
    }
  } finally {
    await database.stop();
  }
});
