// Prisma CLI configuration: the WASM schema engine talks to the database through a driver
// adapter, so no native engine is downloaded (generate and migrate diff work offline).
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_DATASOURCE_URL ??= "postgresql://localhost/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // PGLITE_DATA_DIR points the CLI at the embedded database (e.g. `prisma migrate status`).
    const dataDir = process.env.PGLITE_DATA_DIR;
    return new PrismaPGlite(dataDir ? new PGlite(dataDir) : new PGlite());
  },
});
