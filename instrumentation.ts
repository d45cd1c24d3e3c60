export async function register() {
  // `next build` loads this file too: the database and the outbox worker belong to `next start`.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { bootstrap } = await import("./lib/bootstrap");
    await bootstrap();
  }
}
