import { readFileSync } from 'node:fs';
import { BUILD } from './build-info.js';
import { packagePath } from './io/package-root.js';

let cached: string | undefined = BUILD?.version;

/** The package version: written into the bundle when it is built, else read from package.json. */
export function version(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
