// The DHIS2 import wired to a database: for a request (its own write path, agency rules included) or a command-line run.
import type { AreaScope, Database } from "@vnge/shared";
import { createDataValueService } from "../context";
import type { DataValueService } from "../data-value/data-value.service";
import { DataValueStore } from "../data-value/data-value.store";
import { Dhis2ImportService } from "./dhis2-import.service";

export function createDhis2ImportService(db: Database, scope: AreaScope, values: DataValueService = createDataValueService(db, scope)): Dhis2ImportService {
  const store = new DataValueStore(db);
  return new Dhis2ImportService({ values, scope, findStored: (rows) => store.findStored(rows) });
}
