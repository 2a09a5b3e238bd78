/**
 * The S3 operations the app uses, and the factories that build them. The S3 client and both
 * presigners (s3.ts) load on the first call, not at init: only the document routes use them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../config';
import { deferred } from '../../runtime/deferred';
import type { StaticCredentials } from '../aws/client-settings';

/** How long a presigned upload or download stays valid. */
export const PRESIGN_SECONDS = 300;

export interface UploadSlot {
  method: 'POST';
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export interface StoredObject {
  sizeBytes: number;
  contentType?: string;
  /** The object's version in a versioned bucket; undefined where the store keeps none (s3rver). */
  versionId?: string;
}

/** Behind one small interface, so tests can see what is signed. */
export interface Storage {
  createUploadSlot(key: string, contentType: string, maxBytes: number, now: Date): Promise<UploadSlot>;
  /** Size, type and version of a stored object, or null when it does not exist. */
  head(key: string): Promise<StoredObject | null>;
  /** The bytes of one version of an object (the current one without `versionId`), or null if gone. */
  read(key: string, versionId?: string): Promise<AsyncIterable<Uint8Array> | null>;
  /** A presigned GET, pinned to `versionId` when given: a later overwrite of the key changes nothing. */
  downloadUrl(
    key: string,
    fileName: string,
    now: Date,
    versionId?: string,
  ): Promise<{ url: string; expiresAt: string }>;
  /** Deletes the object; with `versionId`, that version for good and then the key's current one. */
  remove(key: string, versionId?: string): Promise<void>;
  /** Deletes every object under `prefix`, every version and delete marker included; returns how many. */
  removeAll(prefix: string): Promise<number>;
  ping(): Promise<void>;
}

const methods: readonly (keyof Storage)[] = [
  'createUploadSlot',
  'head',
  'read',
  'downloadUrl',
  'remove',
  'removeAll',
  'ping',
];

export interface StorageOptions {
  /** The server's client (tests); built from config on first use otherwise. */
  client?: S3Client;
  /** Signs browsers' URLs; defaults to `client`, or to one for `S3_PUBLIC_ENDPOINT` when set. */
  signer?: S3Client;
  /** X-Ray: wraps the server's own client, not the signer, which makes no calls. */
  capture?: <T>(c: T) => T;
  /** Fixed credentials from a runtime profile (the stand-ins); the role's otherwise. */
  credentials?: StaticCredentials;
}

/** Storage over S3, its SDK loaded on first use. */
export function createStorage(config: Config, options: StorageOptions = {}): Storage {
  const { client, signer = client, capture, credentials } = options;
  return deferred(methods, async () => {
    const s3 = await import('./s3');
    const server = client ?? s3.createS3Client(config, config.s3.endpoint, capture, credentials);
    const { publicEndpoint } = config.s3;
    const browser =
      signer ?? (publicEndpoint ? s3.createS3Client(config, publicEndpoint, undefined, credentials) : server);
    return s3.createS3Storage(config, server, browser);
  });
}
