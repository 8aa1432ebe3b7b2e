// npm run db:seed: loads the demo data set (idempotent).
import { migrate } from "@vnge/shared";
import { seedDemoData } from "../system";
import { describeDatabase, withDatabase } from "./database";
import { runCli } from "./run";

runCli(async () => {
  await withDatabase(async (db) => {
    await migrate(db);
    await seedDemoData(db);
  });
  console.log(`${describeDatabase()}: demo data loaded`);
});
