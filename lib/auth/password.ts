import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";

/**
 * Argon2 costs 19 MiB and tens of milliseconds of a core per call: at most this many run at once
 * in this process, the others wait their turn, so a burst of sign-ins or token requests cannot
 * take all memory and CPU. Per process by design: each instance bounds its own machine.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, Math.min(4, availableParallelism()));
let running = 0;
const waiting: Array<() => void> = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

// @node-rs/argon2 defaults to Argon2id with OWASP's parameters (19 MiB, t=2, p=1).
export function hashPassword(password: string): Promise<string> {
  return bounded(() => hash(password));
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown email, or no password set yet) it still
 * runs one verification against a throwaway hash, so the timing reveals nothing.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    const dummy = await dummyHash;
    await bounded(() => verify(dummy, password)).catch(() => false);
    return false;
  }
  return bounded(() => verify(stored, password)).catch(() => false);
}

export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
