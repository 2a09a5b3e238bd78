import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny S3 stand-in that keeps object versions, as the versioned documents bucket does (s3rver
 * keeps none). Path-style only, for what the app uses: HeadBucket, a presigned POST form upload,
 * HeadObject, GetObject and DeleteObject, each with `versionId`. Like s3rver it checks no signature
 * or POST policy; the unit tests check those.
 */
export interface VersionedS3 {
  endpoint: string;
  bucket: string;
  /** Every version of a key, oldest first; a delete marker has no bytes. */
  versions(key: string): Version[];
  stop(): Promise<void>;
}

interface Version {
  versionId: string;
  bytes: Buffer | null;
  contentType: string;
}

export async function startVersionedS3(bucket = 'versioned-documents'): Promise<VersionedS3> {
  const store = new Map<string, Version[]>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const [, b, ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amz-version-id' };
    if (b !== bucket) return void res.writeHead(404, cors).end();
    const list = store.get(key) ?? [];
    const wanted = url.searchParams.get('versionId');
    const version = wanted ? list.find((v) => v.versionId === wanted) : list.at(-1);
    if (req.method === 'POST' && !key) {
      const form = await new Request('http://s3.local', {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }).formData();
      const file = form.get('file') as File;
      const target = String(form.get('key'));
      const versionId = randomUUID();
      const bytes = Buffer.from(await file.arrayBuffer());
      const contentType = String(form.get('Content-Type'));
      store.set(target, [...(store.get(target) ?? []), { versionId, bytes, contentType }]);
      return void res.writeHead(204, { ...cors, 'x-amz-version-id': versionId }).end();
    }
    if (req.method === 'HEAD' && !key) return void res.writeHead(200, cors).end();
    if (req.method === 'DELETE') {
      // With a version id, that version goes for good; without, a delete marker hides the key.
      store.set(
        key,
        wanted
          ? list.filter((v) => v.versionId !== wanted)
          : [...list, { versionId: randomUUID(), bytes: null, contentType: '' }],
      );
      return void res.writeHead(204, cors).end();
    }
    if (!version?.bytes) return void res.writeHead(404, cors).end();
    const headers = {
      ...cors,
      'content-type': version.contentType,
      'content-length': String(version.bytes.length),
      'x-amz-version-id': version.versionId,
    };
    if (req.method === 'HEAD') return void res.writeHead(200, headers).end();
    res.writeHead(200, headers).end(version.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    versions: (key) => store.get(key) ?? [],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
