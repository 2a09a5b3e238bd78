import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { loadConfig } from '../../../functions/api/config';
import { createStorage } from '../../../functions/api/platform/storage/storage';

const config = loadConfig(
  'local',
  { S3_ENDPOINT: 'http://127.0.0.1:9', DOCUMENTS_BUCKET: 'docs-bucket', AWS_REGION: 'eu-west-2' },
  {},
);
const PREFIX = 'assessments/11111111-1111-4111-8111-111111111111/';

/** An S3 client whose answers are scripted per command; it records what was deleted. */
function scripted(answer: (command: unknown) => unknown) {
  const deleted: { Key?: string; VersionId?: string }[][] = [];
  const client = {
    send: async (command: unknown) => {
      if (command instanceof DeleteObjectsCommand) {
        deleted.push(command.input.Delete?.Objects ?? []);
        return {};
      }
      return answer(command);
    },
  } as unknown as S3Client;
  return { storage: createStorage(config, { client }), deleted };
}

describe('Storage.removeAll', () => {
  it('when the bucket is versioned, then every version and delete marker on every page is deleted by version id', async () => {
    const pages = [
      {
        IsTruncated: true,
        NextKeyMarker: `${PREFIX}b`,
        NextVersionIdMarker: 'v3',
        Versions: [
          { Key: `${PREFIX}a`, VersionId: 'v1' },
          { Key: `${PREFIX}a`, VersionId: 'v2' },
        ],
        DeleteMarkers: [{ Key: `${PREFIX}b`, VersionId: 'v3' }],
      },
      { IsTruncated: false, Versions: [{ Key: `${PREFIX}c`, VersionId: 'v4' }] },
    ];
    const seen: unknown[] = [];
    const { storage, deleted } = scripted((command) => {
      if (!(command instanceof ListObjectVersionsCommand)) throw new Error('unexpected command');
      seen.push(command.input);
      return pages[seen.length - 1];
    });
    expect(await storage.removeAll(PREFIX)).toBe(4);
    expect(seen).toEqual([
      { Bucket: 'docs-bucket', Prefix: PREFIX, KeyMarker: undefined, VersionIdMarker: undefined },
      { Bucket: 'docs-bucket', Prefix: PREFIX, KeyMarker: `${PREFIX}b`, VersionIdMarker: 'v3' },
    ]);
    expect(deleted).toEqual([
      [
        { Key: `${PREFIX}a`, VersionId: 'v1' },
        { Key: `${PREFIX}a`, VersionId: 'v2' },
        { Key: `${PREFIX}b`, VersionId: 'v3' },
      ],
      [{ Key: `${PREFIX}c`, VersionId: 'v4' }],
    ]);
  });

  it('when the store cannot list versions (405), then it deletes every key it lists instead', async () => {
    const { storage, deleted } = scripted((command) => {
      if (command instanceof ListObjectVersionsCommand) {
        throw new S3ServiceException({
          name: 'MethodNotAllowed',
          $fault: 'client',
          $metadata: { httpStatusCode: 405 },
        });
      }
      if (command instanceof ListObjectsV2Command) return { Contents: [{ Key: `${PREFIX}x` }] };
      throw new Error('unexpected command');
    });
    expect(await storage.removeAll(PREFIX)).toBe(1);
    expect(deleted).toEqual([[{ Key: `${PREFIX}x` }]]);
  });

  it('when S3 is down, then the call fails as a 503 and nothing is reported deleted', async () => {
    const { storage, deleted } = scripted(() => {
      throw new Error('socket hang up');
    });
    await expect(storage.removeAll(PREFIX)).rejects.toMatchObject({ status: 503 });
    expect(deleted).toEqual([]);
  });

  it('when the prefix is not a folder, then it refuses (no accidental bucket-wide delete)', async () => {
    const { storage } = scripted(() => ({}));
    await expect(storage.removeAll('')).rejects.toThrow(/folder prefix/);
    await expect(storage.removeAll('assessments/1')).rejects.toThrow(/folder prefix/);
  });
});
