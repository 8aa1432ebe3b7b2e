// npm run db:migrate: applies pending migrations to the configured database.
import { migrate } from "@vnge/shared";
import { describeDatabase, withDatabase } from "./database";
import { runCli } from "./run";

runCli(async () => {
  const result = await withDatabase((db) => migrate(db));
  console.log(`${describeDatabase()}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied`);
  for (const name of result.applied) console.log(`  applied ${name}`);
});
