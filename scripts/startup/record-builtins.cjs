// Loaded with `node --require` before kds (CommonJS, so that recording adds no module machinery of
// its own): at exit, appends Node's built-in modules that were loaded to the file named by
// KDS_BUILTIN_LOG.
const { appendFileSync } = process.getBuiltinModule('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  appendFileSync(process.env.KDS_BUILTIN_LOG, builtins.map((b) => `${b}\n`).join(''));
});
