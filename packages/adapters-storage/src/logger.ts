/** The slice of a pino-style logger this package writes to. Nothing logged here holds secret material. */
export interface StorageLogger {
  warn(obj: object, msg: string): void;
  info?(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}
