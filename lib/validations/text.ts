/**
 * The one rule for characters in text people and integrators send (names, searches, API bodies):
 * no control characters (C0, DEL, C1: a NUL cannot even be stored by PostgreSQL, and the others
 * break CSV exports, logs and terminals), and in names no bidirectional controls (U+202E and
 * friends make "gpj.exe" read as "exe.jpg"). Used by the shared field schemas (./fields.ts, …).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const hasControlChars = (value: string) => CONTROL.test(value);
export const hasBidiControls = (value: string) => BIDI.test(value);

export const controlCharsMessage = (label: string) => `${label} must not contain control characters.`;
export const bidiMessage = (label: string) => `${label} must not contain text-direction control characters.`;
