// npm run documents -- register --client <name> <persisted-documents.json>
// npm run documents -- list
// Trusted documents (decision 0103): the manifest GraphQL Code Generator's client preset writes with
// `persistedDocuments` ({ "<sha256>": "<document>" }).
import fs from "node:fs";
import { TrustedDocuments } from "@vnge/gateway";
import { migrate } from "@vnge/shared";
import { withDatabase } from "./database";
import { flagValue, runCli } from "./run";

const USAGE = `usage:
  npm run documents -- register --client <name> <persisted-documents.json>
  npm run documents -- list`;

runCli(async (args) => {
  const [command, ...rest] = args;
  if (command === "register") {
    const client = flagValue(rest, "--client");
    const file = rest.filter((arg, i) => !arg.startsWith("--") && rest[i - 1] !== "--client")[0];
    if (!client || !file) throw new Error(USAGE);
    let manifest: unknown;
    try {
      manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`cannot read ${file} as JSON: ${(error as Error).message}`);
    }
    await withDatabase(async (db) => {
      await migrate(db);
      const { registered, unchanged } = await new TrustedDocuments(db).register(client, manifest);
      console.log(`${registered} document(s) registered for ${client}, ${unchanged} already registered`);
    });
  } else if (command === "list") {
    await withDatabase(async (db) => {
      await migrate(db);
      for (const { clientName, count } of await new TrustedDocuments(db).list()) console.log(`${clientName}  ${count} document(s)`);
    });
  } else {
    throw new Error(USAGE);
  }
});
