import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';

export interface S3StandIn {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** s3rver, in-process on 127.0.0.1, with the documents bucket and CORS for the app's origins. */
export async function startS3(options: {
  dataDir: string;
  bucket: string;
  allowedOrigins: string[];
  port?: number;
}): Promise<S3StandIn> {
  const directory = path.resolve(options.dataDir);
  mkdirSync(directory, { recursive: true });
  const origins = options.allowedOrigins.length ? options.allowedOrigins : ['*'];
  const cors = `<CORSConfiguration>
    <CORSRule>
      ${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}
      <AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>
      <AllowedMethod>POST</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>
      <AllowedHeader>*</AllowedHeader>
      <ExposeHeader>ETag</ExposeHeader>
      <MaxAgeSeconds>3000</MaxAgeSeconds>
    </CORSRule>
  </CORSConfiguration>`;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: options.bucket, configs: [Buffer.from(cors)] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket: options.bucket,
    stop: () => server.close(),
  };
}
