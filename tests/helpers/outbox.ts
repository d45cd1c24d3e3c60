import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/db";
import { sendDueMails } from "@/lib/mail/outbox";

/** A mail outbox folder of this test process, so tests never write into the developer's DATA_DIR. */
export function useTestOutbox(): string {
  process.env.MAIL_OUTBOX_DIR = mkdtempSync(path.join(tmpdir(), "pm-outbox-"));
  return process.env.MAIL_OUTBOX_DIR;
}

/** The links (decoded from quoted-printable) of every mail written to `dir` for `to`, oldest first. */
export function linksTo(dir: string, to: string, kind: "invite" | "reset-password"): string[] {
  const safeTo = to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  return readdirSync(dir)
    .filter((f) => f.includes(`-${safeTo}-`) && f.endsWith(".eml"))
    .sort()
    .flatMap((f) => {
      const text = readFileSync(path.join(dir, f), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      const m = text.match(new RegExp(`https?://[^\\s"<>]+/${kind}/([A-Za-z0-9_-]+)`));
      return m ? [m[0]] : [];
    });
}

export const tokenOf = (link: string) => link.split("/").at(-1)!;

/**
 * The outbox worker's mail step, run now (the app runs it in the background after each commit),
 * then the links of every mail written to `dir` for `to`.
 */
export async function sentLinks(db: Db, dir: string, to: string, kind: "invite" | "reset-password"): Promise<string[]> {
  await sendDueMails(db, 100);
  return linksTo(dir, to, kind);
}
