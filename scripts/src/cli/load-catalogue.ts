// npm run catalogue:load: loads the default indicator catalogue into the configured database (idempotent).
import { seedCatalogue } from "@vnge/indicators";
import { migrate } from "@vnge/shared";
import { describeDatabase, withDatabase } from "./database";
import { runCli } from "./run";

runCli(async () => {
  const summary = await withDatabase(async (db) => {
    await migrate(db);
    return seedCatalogue(db);
  });
  console.log(`${describeDatabase()}: catalogue loaded (${summary.dataElements} data elements, ${summary.indicators} indicators)`);
});
