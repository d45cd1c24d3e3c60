import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // Lets two builds of one checkout live side by side (e.g. a benchmark build beside a test build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Type checking runs as its own step (`npm run typecheck`, TypeScript 7's native compiler),
  // since TypeScript 7 no longer ships the JavaScript API that `next build` would call.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;
