import { readFileSync } from 'node:fs';
import { packagePath } from './io/package-root.js';

let cached: string | undefined;

/** The package version, from kds's own package.json. */
export function version(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
