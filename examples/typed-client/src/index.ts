// Prints one indicator's provincial values as JSON lines:
//   node examples/typed-client/dist/index.js <gateway url> <indicator> <period> [parent] [hierarchy]
// with the bearer token in API_TOKEN (or a partner key in API_KEY).
import { apiClient, provinceValues } from "./dashboard";

async function main(): Promise<void> {
  const [url, indicator, period, parent = "VN", hierarchy] = process.argv.slice(2);
  if (!url || !indicator || !period) {
    process.stderr.write("usage: index.js <gateway url> <indicator> <period> [parent] [hierarchy]\n");
    process.exit(2);
  }
  const client = apiClient({ url, token: process.env.API_TOKEN, apiKey: process.env.API_KEY });
  for (const value of await provinceValues(client, indicator, period, parent, hierarchy)) {
    process.stdout.write(
      `${JSON.stringify({ area: value.area.code, name: value.area.name, period: value.period, total: value.total, male: value.male, female: value.female, approximate: value.approximate })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
