import net from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { startTestApp, type TestApp } from '../support/app';
import { captureStdout } from '../support/capture';

/**
 * Malformed requests (issue 13, finding 2) are the client's fault: a 400-class problem, and a log
 * line without a stack, never an "Unhandled error" with a URIError.
 */
let app: TestApp;
let out: ReturnType<typeof captureStdout>;

beforeAll(async () => {
  app = await startTestApp({
    deps: { logger: new Logger({ serviceName: 'scalemap-test', logLevel: 'INFO' }) },
  });
});
let warn: jest.SpyInstance;
beforeEach(() => {
  out = captureStdout();
  warn = jest.spyOn(app.deps.logger, 'warn');
});
afterEach(() => {
  out.restore();
  warn.mockRestore();
});
afterAll(async () => {
  await app?.stop();
});

function raw(text: string): Promise<string> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
    socket.on('data', (d) => {
      answer += d.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

describe('GET /api/assessments/%', () => {
  it('when the path holds a malformed percent-encoding, then 400 problem+json and the log has no URIError', async () => {
    const res = await fetch(`${app.url}/api/assessments/%`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 400,
      detail: 'The URL holds a malformed percent-encoding.',
    });
    const lines = out.lines();
    expect(lines.find((l) => l.message === 'request')).toMatchObject({ status: 400 });
    expect(out.text()).not.toMatch(/URIError|Unhandled error|"stack"/);
  });
});

describe("Requests Node's HTTP parser refuses", () => {
  it('when the headers are too large, then 431 problem+json with a correlation id, and a warning naming the parser code (no stack)', async () => {
    const answer = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/);
    const problem = JSON.parse(body!) as { status: number; correlationId: string };
    expect(problem.status).toBe(431);
    expect(head).toContain(`x-correlation-id: ${problem.correlationId}`);
    expect(warn).toHaveBeenCalledWith('Request refused by the HTTP parser', { code: 'HPE_HEADER_OVERFLOW' });
  });

  it('when the method is not a token, then 400 problem+json and the socket is closed', async () => {
    const answer = await raw('GE@T / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*Connection: close\r\n\r\n\{.*"status":400/);
  });
});
