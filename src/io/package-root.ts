/**
 * Where kds's own content lives (questions/, src/lessons/): found from this module's location by
 * walking up to kds's package.json, so it works from src/ under the test runner, from the bundled
 * dist/, and from an installed package, whatever the working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD } from '../build-info.js';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  // The bundle lives in dist/ at the root of the package: nothing to look for.
  if (BUILD !== undefined) return (root = dirname(dirname(fileURLToPath(import.meta.url))));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kds') {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the kds package root');
    dir = parent;
  }
}

export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
