/**
 * The one rule for secrets people configure (AUTH_SECRET, INITIAL_API_CLIENT_SECRET): at least 32
 * characters, not one character or a short run repeated, at least 8 distinct characters. It cannot
 * prove randomness; it refuses the secrets people type when they are in a hurry ("changeme",
 * "aaaa…", "secretsecret…"). Returns what is wrong, naming the variable, or null.
 */
export const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT = 8;

export function checkStrongSecret(name: string, value: string): string | null {
  const how = `Make one with \`openssl rand -base64 32\` and set ${name} to it.`;
  if (value.length < MIN_SECRET_LENGTH) return `${name} is too short (${value.length} characters; at least ${MIN_SECRET_LENGTH} are needed). ${how}`;
  if (new Set(value).size < MIN_DISTINCT || repeats(value)) return `${name} is too easy to guess (too few distinct characters, or a short run repeated). ${how}`;
  return null;
}

/** True when the value is a shorter piece repeated ("abcabcabc…"). */
function repeats(value: string): boolean {
  for (let n = 1; n <= value.length / 2; n++) {
    if (value.length % n === 0 && value.slice(0, n).repeat(value.length / n) === value) return true;
  }
  return false;
}
