/**
 * A small local HTTP endpoint that answers AWS JSON-protocol calls (Kinesis: JSON 1.1, CloudWatch:
 * JSON 1.0) from handlers, by X-Amz-Target, and records what it was asked. For what no emulator
 * does: CloudWatch, errors such as AccessDenied, ListStreamConsumers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubCall {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
}

/** What a handler returns: a body (status 200) or an AWS error. */
export type StubAnswer = { readonly body: unknown } | { readonly error: string; readonly message: string; readonly status?: number };
export type StubHandler = (body: Record<string, unknown>, call: StubCall) => StubAnswer;

export interface Stub {
  readonly endpoint: string;
  readonly calls: StubCall[];
  close(): Promise<void>;
}

export async function startStub(handlers: Record<string, StubHandler>): Promise<Stub> {
  const calls: StubCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.split('.').pop() ?? '';
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text.length > 0 ? JSON.parse(text) : {}) as Record<string, unknown>;
      const call = { operation, body, headers: req.headers };
      calls.push(call);
      const contentType = String(req.headers['content-type'] ?? 'application/x-amz-json-1.1');
      const handler = handlers[operation];
      const answer: StubAnswer = handler ? handler(body, call) : { error: 'UnknownOperationException', message: `no ${operation}`, status: 400 };
      if ('error' in answer) {
        res.writeHead(answer.status ?? 400, { 'content-type': contentType, 'x-amzn-errortype': answer.error, 'x-amzn-requestid': 'stub' });
        res.end(JSON.stringify({ __type: answer.error, message: answer.message }));
        return;
      }
      res.writeHead(200, { 'content-type': contentType, 'x-amzn-requestid': 'stub' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
