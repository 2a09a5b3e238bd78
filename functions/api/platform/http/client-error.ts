import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Problem } from './problem';

/** Node's parser errors the server answers, with the status Node itself would send. */
const parserProblems: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    detail: 'The request headers are too large.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    title: 'Payload Too Large',
    detail: 'The chunk extensions are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    detail: 'The request took too long to arrive.',
  },
};
const badRequest = { status: 400, title: 'Bad Request', detail: 'The request is not valid HTTP.' };

/** The raw HTTP response for a request Node's parser refused: problem+json, then close. */
export function clientErrorResponse(code: string | undefined): string {
  const { status, title, detail } = (code && parserProblems[code]) || badRequest;
  const correlationId = randomUUID();
  const problem: Problem = {
    type: `/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    title,
    status,
    detail,
    correlationId,
  };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${title}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    `x-correlation-id: ${correlationId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Answers what Node's HTTP parser refuses (oversized headers, a bad method, broken framing) with
 * problem+json instead of Node's empty body. Where the socket can no longer be written, or the
 * request was already answered, it is just closed.
 */
export function answerClientErrors(server: http.Server, logger?: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this keep-alive socket cannot be followed by another.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    logger?.warn('Request refused by the HTTP parser', { code: err.code });
    socket.end(clientErrorResponse(err.code));
  });
}
