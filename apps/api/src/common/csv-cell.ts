/**
 * A CSV cell that a spreadsheet will show as text, never run: one starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return would be read as a formula (CSV injection, OWASP), so it gets a
 * leading apostrophe, which spreadsheets hide and treat as "this is text".
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
