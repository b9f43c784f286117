/** One line on stderr, outside jest's console capture, saying which backing service a test file uses. */
export function report(line: string): void {
  process.stderr.write(`[storage tests] ${line}\n`);
}
