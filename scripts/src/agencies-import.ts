// What `npm run agencies:import` does, apart from argument parsing: reads a file of agencies and defines them as an
// operator (national scope), all or nothing, by the same service and rules as the defineAgencies mutation.
import fs from "node:fs";
import path from "node:path";
import { AreaDirectory, AreaScope, type Database, NATION_CODE } from "@vnge/shared";
import { type Agency, AgencyService, AgencyStore, readAgencyFile } from "@vnge/plans";

export async function importAgencyFile(db: Database, file: string): Promise<Agency[]> {
  const format = path.extname(file).toLowerCase() === ".json" ? "json" : "csv";
  const inputs = await readAgencyFile(fs.readFileSync(file, "utf8"), format);
  const areas = new AreaDirectory(db);
  return new AgencyService(new AgencyStore(db), areas).define(inputs, new AreaScope(areas, [NATION_CODE]), Number.POSITIVE_INFINITY);
}
