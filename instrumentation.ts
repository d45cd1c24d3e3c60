export async function register() {
  // `next build` loads this file too: the database and the outbox worker belong to `next start`.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    // First, before any request is handled: per-address limits read the socket address it stamps.
    const { installSocketAddressHook } = await import("./lib/net/socket-address-hook");
    installSocketAddressHook();
    const { bootstrap } = await import("./lib/bootstrap");
    await bootstrap();
  }
}
