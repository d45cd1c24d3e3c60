/**
 * RFC 4180 CSV, small enough to read in one sitting: quoted fields may hold commas, quotes ("")
 * and line breaks; records end with CRLF or LF; a leading UTF-8 BOM is dropped.
 */
export class CsvError extends Error {}

export function parseCsv(text: string, opts: { maxRecords?: number } = {}): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = "";
    // A blank line is no record.
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
    if (opts.maxRecords && records.length > opts.maxRecords) throw new CsvError(`The file has more than ${opts.maxRecords} rows.`);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new CsvError(`Line ${line}: a closing quote must end the field.`);
        }
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new CsvError(`Line ${line}: a quote may only start a field.`);
      quoted = true;
      i++;
    } else if (c === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvError(`Line ${line}: a quoted field is not closed.`);
  if (field !== "" || record.length) endRecord();
  return records;
}

/**
 * One CSV record, CRLF-terminated. Cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe (OWASP "CSV injection"); plain signed numbers such as E.164 phones stay as they are.
 */
export function csvRecord(values: (string | number | null | undefined)[]): string {
  return `${values.map((v) => csvCell(v)).join(",")}\r\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-][\d\s().]*$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
