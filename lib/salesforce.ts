const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/** The 3-character case-safe suffix Salesforce appends to a 15-character ID. */
export function salesforceChecksum(id15: string): string {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= "A" && c <= "Z") bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** A 15-character ID, or an 18-character ID whose suffix matches its first 15 characters. */
export function isValidSalesforceId(value: string): boolean {
  if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) return false;
  if (value.length === 15) return true;
  return salesforceChecksum(value.slice(0, 15)) === value.slice(15).toUpperCase();
}
