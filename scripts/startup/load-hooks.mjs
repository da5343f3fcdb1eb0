// Module hook (registered by record-loads.mjs): appends each file module Node loads, with its
// size in bytes, to the file named by KDS_LOAD_LOG. Hooks run on a thread of their own.
import { Buffer } from 'node:buffer';
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (process.env.KDS_LOAD_LOG && url.startsWith('file:')) {
    const bytes = result.source === undefined || result.source === null ? 0 : Buffer.byteLength(result.source);
    appendFileSync(process.env.KDS_LOAD_LOG, `module\t${url}\t${bytes}\n`);
  }
  return result;
}
