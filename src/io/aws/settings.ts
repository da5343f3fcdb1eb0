/**
 * How kds reaches AWS, decided as the AWS CLI decides it: --region, --profile and --endpoint-url
 * first, then the environment and the shared config files through the SDK's default chains. The
 * SDK itself is loaded here, lazily, so that commands that never call AWS never pay for it.
 */
import { UsageError } from '../../errors.js';
import { echoValue } from '../../render/escape.js';

/** What the user chose on the command line. */
export interface AwsFlags {
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
}

/** Checks the AWS flags' form (a URL, a Region name, no empty profile) before anything is called. */
export function checkAwsFlags(flags: AwsFlags): void {
  if (flags.endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(flags.endpointUrl)) {
    throw new UsageError(`--endpoint-url expects a URL such as http://127.0.0.1:4567, got '${echoValue(flags.endpointUrl)}'.`);
  }
  if (flags.region !== undefined && !/^[a-z0-9-]{2,40}$/.test(flags.region)) {
    throw new UsageError(`--region expects a Region name such as us-east-1, got '${echoValue(flags.region)}'.`);
  }
  if (flags.profile !== undefined && flags.profile.trim().length === 0) throw new UsageError('--profile expects a profile name, got an empty string.');
}

export interface AwsSettings extends AwsFlags {
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The exports of a CommonJS package loaded with import(). Bundled, esbuild hands such a package to
 * import() as a default export only; unbundled, Node gives both. Either way the exports are here.
 */
export function cjsExports<T>(mod: T): T {
  const d = (mod as { default?: unknown }).default;
  return d !== undefined && d !== null && typeof d === 'object' ? (d as T) : mod;
}

/** Milliseconds before a call that has not answered fails. */
export const REQUEST_TIMEOUT_MS = 20_000;
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The SDK prints a NodeVersionSupportWarning under Node 20 unless this variable is set before a
 * client is created; a CLI's output is not the place for it.
 */
export function quietSdk(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/** The endpoint a service will be called at when it was chosen explicitly (flag or environment). */
export function explicitEndpoint(settings: AwsSettings, service: 'KINESIS' | 'CLOUDWATCH'): string | undefined {
  if (service === 'KINESIS' && settings.endpointUrl !== undefined) return settings.endpointUrl;
  return settings.env[`AWS_ENDPOINT_URL_${service}`] ?? settings.env.AWS_ENDPOINT_URL;
}

/**
 * Retries connection errors and server errors twice, quickly, and never throttling: kds counts
 * throttled calls and backs off itself (src/core/live/retry.ts), which the SDK's own retries would
 * hide.
 */
export class NoThrottleRetry {
  private static readonly MAX_RETRIES = 2;
  acquireInitialRetryToken(): Promise<{ getRetryCount(): number; getRetryDelay(): number }> {
    return Promise.resolve(token(0));
  }
  refreshRetryTokenForRetry(
    previous: { getRetryCount(): number },
    info: { errorType: string },
  ): Promise<{ getRetryCount(): number; getRetryDelay(): number }> {
    const count = previous.getRetryCount() + 1;
    if ((info.errorType !== 'TRANSIENT' && info.errorType !== 'SERVER_ERROR') || count > NoThrottleRetry.MAX_RETRIES) {
      return Promise.reject(new Error('no retry'));
    }
    return Promise.resolve(token(count));
  }
  recordSuccess(): void {}
}

function token(count: number): { getRetryCount(): number; getRetryDelay(): number } {
  return { getRetryCount: () => count, getRetryDelay: () => (count === 0 ? 0 : 200 * 2 ** (count - 1)) };
}

/**
 * Client settings shared by both clients. A plain http:// endpoint (an emulator) gets an HTTP/1.1
 * handler: the Kinesis client's default HTTP/2 handler cannot speak to it.
 */
export async function clientConfig(settings: AwsSettings, service: 'KINESIS' | 'CLOUDWATCH', maxSockets: number): Promise<Record<string, unknown>> {
  const endpoint = explicitEndpoint(settings, service);
  const config: Record<string, unknown> = { retryStrategy: new NoThrottleRetry() };
  if (settings.region !== undefined) config.region = settings.region;
  if (settings.profile !== undefined) config.profile = settings.profile;
  if (endpoint !== undefined) config.endpoint = endpoint;
  if (endpoint?.startsWith('http://') || service === 'CLOUDWATCH') {
    const [handlers, http, https] = await Promise.all([import('@smithy/node-http-handler'), import('node:http'), import('node:https')]);
    const { NodeHttpHandler } = cjsExports(handlers);
    config.requestHandler = new NodeHttpHandler({
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      httpAgent: new http.Agent({ keepAlive: true, maxSockets }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets }),
    });
  } else {
    config.requestHandler = { requestTimeout: REQUEST_TIMEOUT_MS };
  }
  return config;
}
