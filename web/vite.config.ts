// The web application's build (decision 0115): Preact's JSX compiled by Vite's esbuild (no Babel plugin), one
// bundle under dist/assets that the gateway serves. `npx vite` serves it for development against a running gateway.
import { defineConfig } from "vite";

const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: { outDir: "dist", emptyOutDir: true, target: "es2020", chunkSizeWarningLimit: 200 },
  server: { proxy: Object.fromEntries(["/graphql", "/data-values", "/reports", "/dev"].map((path) => [path, gateway])) },
});
