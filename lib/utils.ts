import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates are formatted on the server, in UTC, so server and browser render the same text. */
export function formatDate(date: Date): string {
  return `${dateFormat.format(date)} UTC`;
}
