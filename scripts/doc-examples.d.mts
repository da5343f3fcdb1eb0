// Types for scripts/doc-examples.mjs, so that the TypeScript tests can use it.
export declare const ROOT: string;
export declare const BIN: string;
export declare const WIDTH: number;
export declare const ABRIDGED: string;
export declare const ELLIPSIS: string;
export declare const CONCURRENCY: number;
/** The info-string word of a block that runs against kinesalite and the CloudWatch stand-in. */
export declare const EMULATOR: string;

export interface DocCommand {
  readonly file: string;
  /** 0-based line of the `$ kds` line. */
  readonly line: number;
  /** The command as written, without the `$ `. */
  readonly text: string;
  readonly abridged: boolean;
  /** What runs: the text without `# abridged`. */
  readonly run: string;
  readonly outputStart: number;
  readonly outputEnd: number;
  readonly expected: readonly string[];
  /** The last command of a block that ends with `...`: compared up to there. */
  readonly truncated: boolean;
}

export interface DocBlock {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly commands: readonly DocCommand[];
  /** Lines starting with `$ ` that are not kds commands. */
  readonly strays: readonly number[];
  /** The info string holds `kinesalite`: the block runs against the local stand-ins for AWS. */
  readonly emulator: boolean;
}

export interface LineResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommandResult extends LineResult {
  readonly command: DocCommand;
  readonly lines: readonly string[];
}

export declare function docFiles(root?: string): string[];
export declare function parseDoc(text: string, file?: string): DocBlock[];
export declare function normalise(lines: readonly string[]): string[];
export declare function matches(command: DocCommand, outputLines: readonly string[]): boolean;
export declare function runLine(
  line: string,
  options?: { cwd?: string; stateDir?: string; home?: string; env?: Record<string, string>; nodeArgs?: readonly string[] },
): Promise<LineResult>;
export declare function startEmulators(): Promise<{
  readonly env: Record<string, string>;
  readonly nodeArgs: readonly string[];
  /** [shown, real] host:port pairs. */
  readonly endpoints: readonly (readonly [string, string])[];
  close(): void;
}>;
export declare function outputLines(result: LineResult): string[];
export declare function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]>;
export declare function runBlocks(blocks: readonly DocBlock[], options?: { concurrency?: number }): Promise<CommandResult[]>;
export declare function allBlocks(root?: string): DocBlock[];
