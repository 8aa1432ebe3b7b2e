// npm run catalogue:export > catalogue.json: every definition of the configured database's catalogue, in the
// file format catalogue:import reads (docs/decisions/0087).
import { exportCatalogue } from "@vnge/indicators";
import { withDatabase } from "./database";
import { runCli } from "./run";

runCli(async () => {
  process.stdout.write(await withDatabase((db) => exportCatalogue(db)));
});
