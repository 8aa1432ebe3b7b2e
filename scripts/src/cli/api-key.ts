// npm run apikey -- create --name "Partner dashboard" [--area 38]... [--days 365] [--rate 600] [--trusted-documents-only]
// npm run apikey -- list
// npm run apikey -- revoke <prefix>
import { ApiKeyService } from "@vnge/gateway";
import { loadAuthConfig, migrate } from "@vnge/shared";
import { withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

const USAGE = `usage:
  npm run apikey -- create --name <name> [--area <code>]... [--days <n>] [--rate <requests per minute>] [--trusted-documents-only]
  npm run apikey -- list
  npm run apikey -- revoke <prefix>`;

runCli(async (args) => {
  const [command, ...rest] = args;
  await withDatabase(async (db) => {
    await migrate(db);
    const service = new ApiKeyService(db, loadAuthConfig());
    if (command === "create") {
      const name = flagValue(rest, "--name");
      if (!name) throw new Error(USAGE);
      const days = Number(flagValue(rest, "--days") ?? "365");
      if (!(days > 0)) throw new Error("--days must be a positive number");
      const areaCodes = rest.flatMap((arg, i) => (arg === "--area" && rest[i + 1] ? [rest[i + 1]] : []));
      const rate = flagValue(rest, "--rate");
      const { key, row } = await service.create({
        name,
        areaCodes,
        expiresAt: new Date(Date.now() + days * 86_400_000),
        rateLimitPerMinute: rate === undefined ? undefined : Number(rate),
        trustedDocumentsOnly: hasFlag(rest, "--trusted-documents-only"),
      });
      const limited = row.trustedDocumentsOnly ? ", registered operations only" : "";
      console.log(`API key for "${row.name}" (prefix ${row.prefix}, expires ${row.expiresAt.toISOString().slice(0, 10)}${limited}):`);
      console.log(key);
      console.log("Store it now: it cannot be shown again.");
    } else if (command === "list") {
      for (const row of await service.list()) {
        const state = row.revokedAt ? "revoked" : row.expiresAt <= new Date() ? "expired" : "active";
        console.log(
          `${row.prefix}  ${state.padEnd(7)}  ${row.expiresAt.toISOString().slice(0, 10)}  ${row.rateLimitPerMinute}/min  areas: ${row.areaCodes.join(",") || "-"}${row.trustedDocumentsOnly ? "  trusted documents only" : ""}  ${row.name}`,
        );
      }
    } else if (command === "revoke" && rest[0]) {
      if (!(await service.revoke(rest[0]))) throw new Error(`no active API key with prefix ${rest[0]}`);
      console.log(`revoked ${rest[0]}`);
    } else {
      throw new Error(USAGE);
    }
  });
});
