import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '../../config';
import { clientSettings, type StaticCredentials } from '../aws/client-settings';
import { ServiceUnavailableError } from '../http/errors';
import { PRESIGN_SECONDS, type Storage } from './storage';

/** The S3 client: bounded timeouts so a stumbling S3 answers fast instead of hanging. */
export function createS3Client(
  config: Config,
  endpoint = config.s3.endpoint,
  capture: <T>(client: T) => T = (c) => c,
  credentials?: StaticCredentials,
): S3Client {
  return capture(
    new S3Client({
      ...clientSettings(config, endpoint, credentials),
      forcePathStyle: config.s3.forcePathStyle,
      // Uploads from the server are not streamed, and presigned URLs must carry no checksum parameter.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  );
}

function unavailable(err: unknown): never {
  if (err instanceof S3ServiceException && (err.$metadata.httpStatusCode ?? 500) < 500) throw err;
  throw new ServiceUnavailableError('s3');
}

/**
 * Storage over S3, loaded by storage.ts on first use. `signer` signs URLs that browsers use; it
 * differs from `client` only when the browser reaches S3 at another address than the server does
 * (the local stand-in).
 */
export function createS3Storage(config: Config, client: S3Client, signer: S3Client): Storage {
  const Bucket = config.s3.bucket;
  return {
    async createUploadSlot(key, contentType, maxBytes, now) {
      // Presigned POST: only a POST policy can cap the size on real S3 (see ADR 0001).
      const post = await createPresignedPost(signer, {
        Bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: PRESIGN_SECONDS,
      });
      return {
        method: 'POST',
        url: post.url,
        fields: post.fields,
        expiresAt: new Date(now.getTime() + PRESIGN_SECONDS * 1000).toISOString(),
      };
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return {
          sizeBytes: out.ContentLength ?? 0,
          contentType: out.ContentType,
          ...(out.VersionId && out.VersionId !== 'null' ? { versionId: out.VersionId } : {}),
        };
      } catch (err) {
        if (err instanceof NotFound || (err as S3ServiceException).$metadata?.httpStatusCode === 404)
          return null;
        return unavailable(err);
      }
    },
    async read(key, versionId) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key, VersionId: versionId }));
        if (!out.Body) throw new ServiceUnavailableError('s3');
        return out.Body as AsyncIterable<Uint8Array>;
      } catch (err) {
        if ((err as S3ServiceException).$metadata?.httpStatusCode === 404) return null;
        return unavailable(err);
      }
    },
    async downloadUrl(key, fileName, now, versionId) {
      const url = await getSignedUrl(
        signer,
        new GetObjectCommand({
          Bucket,
          Key: key,
          VersionId: versionId,
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        }),
        { expiresIn: PRESIGN_SECONDS },
      );
      return { url, expiresAt: new Date(now.getTime() + PRESIGN_SECONDS * 1000).toISOString() };
    },
    async remove(key, versionId) {
      try {
        if (versionId) await client.send(new DeleteObjectCommand({ Bucket, Key: key, VersionId: versionId }));
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (err) {
        unavailable(err);
      }
    },
    async removeAll(prefix) {
      if (!prefix.endsWith('/')) throw new Error('removeAll needs a folder prefix ending in "/"');
      try {
        return await removeAllVersions(client, Bucket, prefix);
      } catch (err) {
        return unavailable(err);
      }
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}

type ObjectId = { Key: string; VersionId?: string };

/** Every version and delete marker under the prefix, page by page. */
async function* versionsUnder(client: S3Client, Bucket: string, Prefix: string): AsyncGenerator<ObjectId[]> {
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListObjectVersionsCommand({ Bucket, Prefix, KeyMarker, VersionIdMarker }),
    );
    yield [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key!,
      VersionId: v.VersionId,
    }));
    KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (KeyMarker);
}

/** Every key under the prefix: for a store without versioning (the local stand-in). */
async function* keysUnder(client: S3Client, Bucket: string, Prefix: string): AsyncGenerator<ObjectId[]> {
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
    yield (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
}

/** A store that cannot list versions (s3rver answers 405/501) keeps one version per key. */
const versionsUnsupported = (err: unknown) =>
  err instanceof S3ServiceException && [405, 501].includes(err.$metadata.httpStatusCode ?? 0);

async function removeAllVersions(client: S3Client, Bucket: string, prefix: string): Promise<number> {
  let removed = 0;
  const drain = async (pages: AsyncGenerator<ObjectId[]>) => {
    for await (const objects of pages) {
      // A listing page holds at most 1000 entries, DeleteObjects' limit.
      if (objects.length === 0) continue;
      const out = await client.send(
        new DeleteObjectsCommand({ Bucket, Delete: { Objects: objects, Quiet: true } }),
      );
      if (out.Errors?.length) throw new Error(`S3 refused to delete ${out.Errors.length} objects`);
      removed += objects.length;
    }
  };
  try {
    await drain(versionsUnder(client, Bucket, prefix));
  } catch (err) {
    if (!versionsUnsupported(err)) throw err;
    await drain(keysUnder(client, Bucket, prefix));
  }
  return removed;
}
