import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp"],
  poweredByHeader: false,
  // Lets two builds of one checkout live side by side (e.g. a benchmark build beside a test build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Type checking runs as its own step (`npm run typecheck`, TypeScript 7's native compiler),
  // since TypeScript 7 no longer ships the JavaScript API that `next build` would call.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    if (process.env.NODE_ENV === "production") {
      common.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [{ source: "/:path*", headers: common }];
  },
  experimental: {
    // A partner logo (at most 2 MB) travels to its server action as base64: 4/3 of its size.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
