// Loaded with `node --import` before kds: records the modules kds loads (load-hooks.mjs) and, at
// exit, Node's built-in modules, into the file named by KDS_LOAD_LOG. For counting, never timing.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

register(new URL('./load-hooks.mjs', import.meta.url));
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  appendFileSync(process.env.KDS_LOAD_LOG, builtins.map((b) => `builtin\t${b}\n`).join(''));
});
