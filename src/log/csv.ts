// CSV per RFC 4180 with a guard against formula injection (audit.md AU-VER-3); pure.

const FORMULA = /^[=+\-@\t\r]/;

// One cell: a leading `'` when it could start a spreadsheet formula, then quoted when it holds `"`, `,`, CR or LF.
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// One record, CRLF-terminated as RFC 4180 writes them.
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
