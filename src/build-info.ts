/**
 * What scripts/build.mjs knows when it bundles kds, written into the bundle (esbuild `define`):
 * undefined when the sources run as they are (under the test runner).
 */
declare const __KDS_BUILD__: BuildInfo | undefined;

/** How the root help lists a command: its term ("size [options]") and its description. */
export interface CommandSummary {
  readonly name: string;
  readonly term: string;
  readonly description: string;
}

export interface BuildInfo {
  /** The version in package.json when the bundle was built. */
  readonly version: string;
  /** Every command as the root help lists it, read from the whole tree when the bundle was built. */
  readonly commands: readonly CommandSummary[];
}

export const BUILD: BuildInfo | undefined = typeof __KDS_BUILD__ === 'undefined' ? undefined : __KDS_BUILD__;
