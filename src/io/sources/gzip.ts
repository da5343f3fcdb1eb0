/**
 * Gzip-compressed input (Firehose archives in S3 are gzip), read through as it streams: the text
 * inside goes on to format detection like any other. Concatenated gzip members (several files
 * joined with cat) read as one text.
 */
import { InputError } from '../../errors.js';

/** The decompressed chunks of a gzip stream; a corrupt or cut-short stream is a one-line input error. */
export async function* gunzipChunks(compressed: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  // Loaded here: plain text never loads zlib, or Node's streams.
  const [{ createGunzip }, { Readable }] = await Promise.all([import('node:zlib'), import('node:stream')]);
  const gunzip = createGunzip();
  const source = Readable.from(compressed, { objectMode: false });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      const reason = code === 'Z_BUF_ERROR' ? 'it ends in the middle (cut short?)' : `the compressed data is corrupt (${(error as Error).message})`;
      throw new InputError(`${name} is gzip-compressed but cannot be read: ${reason}`);
    }
    throw error;
  } finally {
    source.destroy();
  }
}
