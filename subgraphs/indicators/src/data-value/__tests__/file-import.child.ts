// Run by file-import-faults.postgres.test.ts in a process of its own (jest --testMatch this file), so the test
// can kill it mid-write: imports IMPORT_FILE into IMPORT_DATABASE_URL and reports each written batch on stderr.
import { AreaDirectory, AreaScope, NATION_CODE, openDatabase } from "@vnge/shared";
import { createDataValueService } from "../../context";
import { importValueFile } from "../data-value.file";

it("imports the file it is given", async () => {
  const db = await openDatabase({ url: process.env.IMPORT_DATABASE_URL!, poolSize: 2 });
  const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  await importValueFile(service, process.env.IMPORT_FILE!, {
    submittedBy: "child",
    batchSize: Number(process.env.IMPORT_BATCH_SIZE),
    onProgress: (p) => p.phase === "write" && process.stderr.write(`written ${p.rows}\n`),
  });
  process.stderr.write("import finished\n");
  await db.close();
});
