import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { dataDir } from "@/db";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The link the mail carries, logged when mail goes to the outbox folder (local use and tests). */
  link?: string;
}

export function outboxDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MAIL_OUTBOX_DIR || path.join(dataDir(), "outbox"));
}

const from = () => process.env.MAIL_FROM || "Partner Management <no-reply@partner-management.local>";

/**
 * Sends a mail through SMTP when SMTP_URL is set; otherwise writes it as an .eml file to
 * MAIL_OUTBOX_DIR (default DATA_DIR/outbox) and logs its link, so no mail server is needed locally.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const message = { from: from(), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
  if (process.env.SMTP_URL) {
    await nodemailer.createTransport(smtpUrlWithTimeouts(process.env.SMTP_URL)).sendMail(message);
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(message);
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeTo}-${Math.random().toString(36).slice(2, 8)}.eml`);
  await writeFile(file, info.message as Buffer);
  console.log(`[mail] to ${mail.to}: "${mail.subject}" written to ${file}${mail.link ? ` — link: ${mail.link}` : ""}`);
}

/**
 * nodemailer waits up to 2 minutes for a server that does not answer; the outbox worker would
 * rather retry. Timeouts already in SMTP_URL's query string win.
 */
function smtpUrlWithTimeouts(raw: string): string {
  const url = new URL(raw);
  const defaults = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };
  for (const [key, value] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return url.toString();
}
