/**
 * What scripts/build.mjs knows when it bundles kds, written into the bundle (esbuild `define`):
 * undefined when the sources run as they are (under the test runner).
 */
declare const __KDS_BUILD__: BuildInfo | undefined;

export interface BuildInfo {
  /** The version in package.json when the bundle was built. */
  readonly version: string;
}

export const BUILD: BuildInfo | undefined = typeof __KDS_BUILD__ === 'undefined' ? undefined : __KDS_BUILD__;
