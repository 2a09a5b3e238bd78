/**
 * An EventBridge stand-in that speaks just enough of the AWS JSON 1.1 protocol for PutEvents:
 * it records each entry and answers with event ids, or fails every entry while `failing` is set.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Time?: number | string;
}

export interface EventBridgeStandIn {
  endpoint: string;
  /** Every entry accepted so far, oldest first. */
  readonly entries: PutEventsEntry[];
  /** While true, every entry is answered with an InternalFailure. */
  failing: boolean;
  stop(): Promise<void>;
}

export async function startEventBridge(): Promise<EventBridgeStandIn> {
  const entries: PutEventsEntry[] = [];
  const standIn = { failing: false } as EventBridgeStandIn;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST' || target !== 'AWSEvents.PutEvents') {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `unsupported: ${target}` }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Entries?: PutEventsEntry[] };
    const batch = body.Entries ?? [];
    if (!standIn.failing) entries.push(...batch);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(
      JSON.stringify({
        FailedEntryCount: standIn.failing ? batch.length : 0,
        Entries: batch.map(() =>
          standIn.failing
            ? { ErrorCode: 'InternalFailure', ErrorMessage: 'stand-in set to fail' }
            : { EventId: randomUUID() },
        ),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, {
    endpoint: `http://127.0.0.1:${port}`,
    entries,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
