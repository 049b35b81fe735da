/**
 * The one CSV writer, for every CSV the project serves (indicators.csv,
 * targets.csv): UTF-8 with a BOM (so spreadsheet programs read the Chinese),
 * CRLF line ends, RFC 4180 quoting (a field with a comma, a quote or a line
 * break is quoted, quotes doubled). null is an empty field.
 */

export type CsvValue = string | number | boolean | null;

const BOM = '\uFEFF';

export function csvField(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
