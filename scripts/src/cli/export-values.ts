// npm run values:export -- --area <code> --period <period> [--element <code>] [--format csv|json] > file.csv
// Writes the values at an area and beneath it, for one period, in the shape values:import reads.
// With a credential (TOKEN or --token: a bearer token; API_KEY or --api-key: a partner key) it asks the
// running system at --url (GATEWAY_URL, default http://127.0.0.1:4000), under the credential's access
// rules; without one it reads the configured database directly, for the whole country, which the embedded
// database allows only while no other process has it open (docs/decisions/0113-value-export-over-http.md).
import { exportValues, type ValueFileFormat } from "@vnge/indicators";
import { AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import { credentialHeaders, exportThroughGateway } from "../values-export";
import { refuseEmbeddedInUse, withDatabase } from "./database";
import { flagValue, runCli } from "./run";

const USAGE =
  "usage: [TOKEN=<bearer token> | API_KEY=<key>] npm run values:export -- --area <code> --period <period> [--element <code>] [--format csv|json] [--url <gateway>] > file.csv";

runCli(async (args) => {
  const areaCode = flagValue(args, "--area");
  const period = flagValue(args, "--period");
  const format = (flagValue(args, "--format") ?? "csv") as ValueFileFormat;
  if (!areaCode || !period || (format !== "csv" && format !== "json")) throw new Error(USAGE);
  const selection = { areaCode, period, dataElementCode: flagValue(args, "--element") };
  const token = flagValue(args, "--token") ?? process.env.TOKEN;
  const apiKey = flagValue(args, "--api-key") ?? process.env.API_KEY;
  if (token || apiKey) {
    const base = flagValue(args, "--url") ?? process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";
    const result = await exportThroughGateway({ ...selection, format }, base, credentialHeaders({ token, apiKey }), process.stdout);
    if (!result.ok) {
      console.error(`${result.status} ${result.code}: ${result.message}`);
      return 2;
    }
    process.stderr.write(`values exported through ${base}\n`);
    return 0;
  }
  refuseEmbeddedInUse("export values");
  const { rows } = await withDatabase((db) => exportValues(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]), selection, format, process.stdout));
  process.stderr.write(`${rows} values exported\n`);
});
