/**
 * AWS SDK errors turned into kds errors: one line each that says what went wrong and what to do.
 * Throttling, expired iterators and aborted calls come back as ApiError for the reader to handle.
 */
import { ApiError } from '../../core/live/api.js';
import { InputError, type KdsError, UsageError } from '../../errors.js';
import { echoValue, safeText } from '../../render/escape.js';

export interface CallContext {
  /** The IAM action of the call: "kinesis:GetRecords". */
  readonly action: string;
  /** The stream, as the user named it. */
  readonly stream?: string | undefined;
  readonly region?: string | undefined;
  /** The endpoint called, when it is not the default one. */
  readonly endpoint?: string | undefined;
  /** The --profile, when one was given. */
  readonly profile?: string | undefined;
}

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'KMSThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);
const EXPIRED_CREDENTIALS = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const REJECTED_CREDENTIALS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignature', 'MissingAuthenticationToken']);
const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'AccessDeniedFault']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

function field(error: unknown, key: keyof ErrorLike): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** The network error code anywhere in an error's cause chain (ECONNREFUSED, ...). */
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const code = field(e, 'code');
    if (code !== undefined && NETWORK.has(code)) return code;
    const errors = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(errors)) for (const inner of errors) {
      const c = networkCode(inner);
      if (c) return c;
    }
    e = (e as ErrorLike).cause;
  }
  return undefined;
}

function where(ctx: CallContext): string {
  return ctx.endpoint !== undefined ? `the endpoint ${echoValue(ctx.endpoint)}` : `AWS${ctx.region ? ` in ${ctx.region}` : ''}`;
}

function streamName(ctx: CallContext): string {
  return ctx.stream !== undefined ? echoValue(ctx.stream) : 'the stream';
}

/** The IAM action an AccessDenied message names ("... not authorized to perform: kinesis:ListShards on ..."). */
function refusedAction(message: string, fallback: string): string {
  const m = /perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/.exec(message);
  return m ? m[1]! : fallback;
}

/** Maps any error from an SDK call to an ApiError the reader retries, or a KdsError that ends the command. */
export function mapAwsError(error: unknown, ctx: CallContext): ApiError | KdsError {
  if (error instanceof ApiError) return error;
  const name = field(error, 'name') ?? '';
  const message = field(error, 'message') ?? String(error);
  if (name === 'AbortError' || name === 'RequestAbortedError') return new ApiError('aborted', 'stopped');
  if (THROTTLING.has(name)) return new ApiError('throttled', message);
  if (name === 'ExpiredIteratorException') return new ApiError('expired-iterator', message);
  if (/region is missing/i.test(message)) {
    return new UsageError('no AWS Region is set: pass --region, set AWS_REGION, or add region to your profile in ~/.aws/config.');
  }
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    const profile = /profile (\S+) could not be found/i.exec(message);
    if (profile) return new InputError(`the AWS profile ${echoValue(profile[1]!)} was not found in ~/.aws/config or ~/.aws/credentials.`);
    if (/expired|sso session/i.test(message)) {
      return new InputError('the AWS credentials have expired: sign in again (aws sso login, or fresh temporary keys) and rerun.');
    }
    if (ctx.profile !== undefined) {
      return new InputError(
        `no AWS credentials found for profile ${echoValue(ctx.profile)}: check that ~/.aws/config or ~/.aws/credentials defines it (aws configure --profile ${echoValue(ctx.profile)}).`,
      );
    }
    return new InputError(
      'no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure` or `aws sso login`, or pass --profile NAME.',
    );
  }
  if (EXPIRED_CREDENTIALS.has(name) || /security token included in the request is expired/i.test(message)) {
    return new InputError('the AWS credentials have expired: sign in again (aws sso login, or fresh temporary keys) and rerun.');
  }
  if (REJECTED_CREDENTIALS.has(name)) {
    return new InputError(`${where(ctx)} rejected the AWS credentials (${safeText(name)}): check the access key, secret key and session token, or the --profile.`);
  }
  if (ACCESS_DENIED.has(name)) {
    return new InputError(
      `access denied: these credentials may not call ${refusedAction(message, ctx.action)} on ${streamName(ctx)}; allow that action in their IAM policy.`,
    );
  }
  if (name === 'KMSAccessDeniedException' || name === 'KMSDisabledException' || name === 'KMSNotFoundException' || name === 'KMSInvalidStateException') {
    return new InputError(`${streamName(ctx)} is encrypted and its KMS key refused to decrypt (${safeText(name)}): allow kms:Decrypt on the key.`);
  }
  if (name === 'ResourceNotFoundException') {
    return new InputError(`stream ${streamName(ctx)} was not found in ${ctx.region ?? 'this Region'}${ctx.endpoint ? ` at ${echoValue(ctx.endpoint)}` : ''}: check the name, or pass --region.`);
  }
  if (name === 'ResourceInUseException') {
    return new InputError(`stream ${streamName(ctx)} is not ACTIVE: wait until it is (aws kinesis describe-stream-summary) and rerun.`);
  }
  if (name === 'UnknownOperationException') {
    return new InputError(`${where(ctx)} does not support ${ctx.action.replace(/^[a-z]+:/, '')} (${safeText(name)}).`);
  }
  const code = networkCode(error);
  if (code !== undefined || name === 'TimeoutError' || name === 'RequestTimeout' || /socket hang up|timed? ?out/i.test(message)) {
    const what = code ?? 'no answer';
    return new InputError(`could not reach ${where(ctx)} (${what}) for ${ctx.action}: check the network${ctx.endpoint ? ' and that the endpoint is running' : ''}, then rerun.`);
  }
  const status = (error as ErrorLike)?.$metadata?.httpStatusCode;
  return new InputError(`${ctx.action} failed: ${safeText(name || 'error')}${status ? ` (HTTP ${status})` : ''}: ${echoValue(message, 200)}`);
}
