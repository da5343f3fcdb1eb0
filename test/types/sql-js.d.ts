/** The part of sql.js (SQLite compiled to WebAssembly, a dev dependency) the scale-recipe test uses. */
declare module 'sql.js' {
  interface Statement {
    run(values: unknown[]): void;
    free(): void;
  }
  interface Database {
    run(sql: string): void;
    prepare(sql: string): Statement;
    exec(sql: string): { columns: string[]; values: unknown[][] }[];
  }
  interface SqlJsStatic {
    Database: new () => Database;
  }
  export default function initSqlJs(): Promise<SqlJsStatic>;
}
