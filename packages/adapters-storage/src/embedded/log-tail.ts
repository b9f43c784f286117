import type { Readable } from 'node:stream';
import type { StorageLogger } from '../logger.js';

/** Keeps the last lines a child process wrote, for error messages, and passes them to debug. */
export class LogTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly logger: StorageLogger | undefined,
    private readonly max = 30,
  ) {}

  follow(stream: Readable | null, source: string): void {
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line.trim() !== '') this.add(line, source);
      }
    });
  }

  add(line: string, source = 'embedded-postgres'): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
    this.logger?.debug?.({ source }, line);
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
