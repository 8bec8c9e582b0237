/**
 * Reports as CSV, for a spreadsheet or to share with a funder. Two rules hold for every export:
 * - a cell that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, or a tab or
 *   carriage return before one) is written with a leading apostrophe, since names and notes come
 *   from the public (OWASP, "CSV injection");
 * - a count from 1 to 4 is written "<5": an export leaves the organisation, and a small count of
 *   people in one area and week can point to someone (the ONS's and NHS Digital's practice).
 * Fields are quoted as RFC 4180 says; lines end CRLF.
 */

/** Counts under this, other than 0, are not shown in anything exported. */
export const smallestShown = 5;

export function suppressed(count: number): string {
  return count > 0 && count < smallestShown ? `<${smallestShown}` : String(count);
}

export function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A cell: text, a measure (hours), or a count of people or requests (suppressed when small). */
export type Cell = string | number | { count: number };

function field(cell: Cell): string {
  const text =
    typeof cell === 'string'
      ? neutralised(cell)
      : typeof cell === 'number'
        ? String(cell)
        : suppressed(cell.count);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV: `header`, then each row. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
