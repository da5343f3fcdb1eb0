/**
 * How a stream is named on the command line: `kinesis://NAME` or a stream ARN
 * (`arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`), wherever kds otherwise takes a file.
 */
import { STREAM } from '../facts.js';
import { quoted } from '../quote.js';
import { LiveError } from './errors.js';

export const KINESIS_SCHEME = 'kinesis://';

export interface StreamRef {
  readonly name: string;
  /** Set when the stream was named by its ARN. */
  readonly arn?: string;
  /** The Region in the ARN. */
  readonly region?: string;
  /** What the user wrote, to repeat in messages. */
  readonly text: string;
}

const STREAM_NAME = new RegExp(`^[a-zA-Z0-9_.-]{1,${STREAM.nameMaxChars.value}}$`);

/** What a stream name may be, for messages: "1 to 128 letters, digits, '_', '.' or '-'". */
export const STREAM_NAME_RULE = `1 to ${STREAM.nameMaxChars.value} letters, digits, '_', '.' or '-'`;

/** True when text can be a stream's name (CreateStream's StreamName rule). */
export function isStreamName(text: string): boolean {
  return STREAM_NAME.test(text);
}
const ARN = /^arn:(aws[a-z-]*):kinesis:([a-z0-9-]+):(\d{12}):stream\/(.+)$/;

/** True when the argument names a live stream rather than a file. */
export function isStreamRef(text: string): boolean {
  return text.startsWith(KINESIS_SCHEME) || /^arn:aws[a-z-]*:kinesis:/.test(text);
}

/** Parses `kinesis://NAME` or a stream ARN; throws a usage LiveError naming the problem. */
export function parseStreamRef(text: string, what = 'the stream'): StreamRef {
  if (text.startsWith(KINESIS_SCHEME)) {
    const name = text.slice(KINESIS_SCHEME.length).replace(/\/$/, '');
    if (!isStreamName(name)) {
      throw new LiveError(
        `${what} ${quoted(text)} is not kinesis://NAME: a stream name is ${STREAM_NAME_RULE}.`,
        'usage',
      );
    }
    return { name, text };
  }
  const m = ARN.exec(text);
  if (m === null || !isStreamName(m[4]!)) {
    throw new LiveError(
      `${what} ${quoted(text)} is not a stream ARN: expected arn:aws:kinesis:REGION:ACCOUNT:stream/NAME.`,
      'usage',
    );
  }
  return { name: m[4]!, arn: text, region: m[2]!, text };
}
