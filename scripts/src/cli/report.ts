// npm run report:yearly -- --area 62 --year 2024 [--format xlsx|docx|json] [--lang vi|en] [--agency <code>] [--out <file>]
//   [--url http://127.0.0.1:4000]   (the bearer token from TOKEN, e.g. TOKEN=$(npm run -s token -- --role ANALYST --area 62))
// Downloads an area's yearly report from a running gateway, as the token's holder: the same access rules as the API.
import fs from "node:fs";
import { flagValue, runCli } from "./run";

const USAGE =
  "usage: TOKEN=<bearer token> npm run report:yearly -- --area <code> --year <yyyy> [--format xlsx|docx|json] [--lang vi|en] [--agency <code>] [--out <file>] [--url <gateway>]";

runCli(async (args) => {
  const area = flagValue(args, "--area");
  const year = flagValue(args, "--year");
  const token = process.env.TOKEN;
  if (!area || !year || !token) throw new Error(USAGE);
  const format = flagValue(args, "--format") ?? "xlsx";
  const query = new URLSearchParams({ area, year, format, lang: flagValue(args, "--lang") ?? "vi" });
  const agency = flagValue(args, "--agency");
  if (agency) query.set("agency", agency);
  const base = flagValue(args, "--url") ?? process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";
  const answer = await fetch(new URL(`/reports/yearly?${query}`, base), { headers: { authorization: `Bearer ${token}` } });
  if (!answer.ok) {
    const body = (await answer.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const error = body?.errors?.[0];
    console.error(`${answer.status} ${error?.extensions?.code ?? ""}: ${error?.message ?? answer.statusText}`);
    return 2;
  }
  const out = flagValue(args, "--out") ?? `bao-cao-binh-dang-gioi-${area}-${year}.${format}`;
  const bytes = Buffer.from(await answer.arrayBuffer());
  fs.writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes)`);
});
