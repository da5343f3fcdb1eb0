export interface Loads {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The source modules and package files of dist/kds.cjs that the run evaluated (src/..., node_modules/...). */
  readonly modules: readonly string[];
  /** The packages among them: "commander", "yaml", "@inquirer/core"... */
  readonly packages: readonly string[];
  /** Node's built-in modules loaded, internal ones included ("worker_threads", "internal/worker"...). */
  readonly builtins: readonly string[];
}

export interface BuildMeta {
  readonly outputs: Readonly<
    Record<
      string,
      {
        readonly bytes: number;
        readonly entryPoint?: string;
        readonly inputs: Readonly<Record<string, unknown>>;
        readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[];
      }
    >
  >;
}

export function buildMeta(): BuildMeta;
export function origin(input: string): string;
export function loadsOf(args: readonly string[], options?: { env?: Record<string, string | undefined>; cwd?: string; input?: string }): Loads;
