import { ProviderError, type ProviderId } from '@integration-api/core';
import type { GooglePartialArg } from './google-api.js';

type Segment = string | number;

/** How far past an array's end a piece may write; bounds the holes a bad index could create. */
const MAX_INDEX_GAP = 1000;
const MAX_DEPTH = 64;

/**
 * Reassembles one function call's arguments from Vertex's streamed pieces
 * (`streamFunctionCallArguments`). Each piece names a leaf by JSON path (`$.recipe.steps[1]`)
 * and carries its value (`stringValue`, `numberValue`, `boolValue` or `nullValue`). A string may
 * come in several pieces: a piece with `willContinue` is followed by more text for the same path,
 * up to a piece without it (often an empty-string terminator). Containers are created as paths
 * need them: an object for a name, an array for an index.
 */
export class GooglePartialArgs {
  private args: Record<string, unknown> = {};
  /** The path of a string value still being streamed. */
  private openString: string | undefined;

  constructor(private readonly provider: ProviderId) {}

  /** Arguments given whole (`functionCall.args`), as the Gemini API always does. */
  setWhole(args: Readonly<Record<string, unknown>>): void {
    this.args = { ...args };
    this.openString = undefined;
  }

  apply(pieces: readonly GooglePartialArg[]): void {
    for (const piece of pieces) this.applyOne(piece);
  }

  /** The arguments as JSON text (`{}` when none came). */
  json(): string {
    return JSON.stringify(this.args);
  }

  private applyOne(piece: GooglePartialArg): void {
    const path = piece.jsonPath ?? '';
    const segments = parseJsonPath(path);
    if (!segments || segments.length === 0) {
      throw new ProviderError(
        'error',
        this.provider,
        `a streamed argument has an unreadable path: ${path.slice(0, 100)}`,
      );
    }
    if (piece.stringValue !== undefined && piece.stringValue !== null) {
      const continued = this.openString === path ? this.get(segments) : undefined;
      const text = typeof continued === 'string' ? continued + piece.stringValue : piece.stringValue;
      this.set(segments, text);
      this.openString = piece.willContinue ? path : undefined;
      return;
    }
    this.openString = undefined;
    if (typeof piece.numberValue === 'number') this.set(segments, piece.numberValue);
    else if (typeof piece.boolValue === 'boolean') this.set(segments, piece.boolValue);
    else if ('nullValue' in piece) this.set(segments, null);
  }

  private get(segments: readonly Segment[]): unknown {
    let current: unknown = this.args;
    for (const segment of segments) {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment))
        return undefined;
      current = (current as Record<Segment, unknown>)[segment];
    }
    return current;
  }

  private set(segments: readonly Segment[], value: unknown): void {
    let container: Record<Segment, unknown> = this.args;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const next = segments[i + 1];
      if (
        Array.isArray(container) &&
        typeof segment === 'number' &&
        segment > container.length + MAX_INDEX_GAP
      ) {
        throw new ProviderError('error', this.provider, 'a streamed argument has an implausible array index');
      }
      if (last) {
        define(container, segment, value);
        return;
      }
      const existing = Object.hasOwn(container, segment) ? container[segment] : undefined;
      const fits = typeof next === 'number' ? Array.isArray(existing) : isObject(existing);
      if (!fits) define(container, segment, typeof next === 'number' ? [] : {});
      container = container[segment] as Record<Segment, unknown>;
    });
  }
}

/**
 * The segments of an RFC 9535 path as Vertex writes them: `$` then `.name`, `[index]` or
 * `['name']` / `["name"]`. Undefined for anything else (filters, wildcards, slices).
 */
export function parseJsonPath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: Segment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    if (segments.length > MAX_DEPTH) return undefined;
    const step = nextSegment(rest);
    if (!step) return undefined;
    segments.push(step.segment);
    rest = rest.slice(step.length);
  }
  return segments;
}

const SEGMENT_FORMS: readonly (readonly [RegExp, (token: string) => Segment])[] = [
  [/^\.([^.[\]]+)/, (token) => token],
  [/^\[(\d+)\]/, (token) => Number(token)],
  [/^\['((?:[^'\\]|\\.)*)'\]/, (token) => unescape(token)],
  [/^\["((?:[^"\\]|\\.)*)"\]/, (token) => unescape(token)],
];

function nextSegment(rest: string): { segment: Segment; length: number } | undefined {
  for (const [form, read] of SEGMENT_FORMS) {
    const match = form.exec(rest);
    if (match) return { segment: read(match[1]!), length: match[0].length };
  }
  return undefined;
}

function unescape(token: string): string {
  return token.replace(/\\(.)/g, '$1');
}

/** Own data property, so a `__proto__` name cannot reach a prototype. */
function define(target: Record<Segment, unknown>, key: Segment, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
