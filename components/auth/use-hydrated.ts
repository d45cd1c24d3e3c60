"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML, true once React has hydrated: a submit button disabled until then
 * cannot send the form natively (a GET with the password in the URL) before its handler exists.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
