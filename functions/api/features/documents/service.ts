import { randomUUID } from 'node:crypto';
import { MAX_DOCUMENTS_PER_ASSESSMENT } from '../../contract/documents';
import type { CreateDocumentRequest } from '../../contract/documents-requests';
import type { AppDeps } from '../../deps';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from '../../platform/http/errors';
import { contentCheck } from './content-check';
import * as repo from './repository';
import { documentKey, toDocumentView } from './shared';

export function documentService(deps: Pick<AppDeps, 'db' | 'storage' | 'metrics' | 'clock'>) {
  const { db } = deps.db;
  const now = deps.clock ?? (() => new Date());
  let storageCheckedAt = 0;
  let storageCheck: Promise<void> | undefined;

  /**
   * Presigning needs no network, so check S3 is reachable (cached 5 s) before handing out a slot.
   * Requests arriving while a check is in flight share it, so an expiry sends one ping, not a burst.
   */
  async function ensureStorage() {
    if (Date.now() - storageCheckedAt < 5000) return;
    storageCheck ??= deps.storage
      .ping()
      .then(() => {
        storageCheckedAt = Date.now();
      })
      .finally(() => {
        storageCheck = undefined;
      });
    try {
      await storageCheck;
    } catch {
      throw new ServiceUnavailableError('s3');
    }
  }

  /** Reads the version that was looked at, once, checking its type and hashing it. */
  async function inspect(key: string, versionId: string | undefined, contentType: string) {
    const body = await deps.storage.read(key, versionId);
    if (!body) throw new UnprocessableEntityError('The file has not been uploaded yet.');
    const check = contentCheck(contentType);
    try {
      for await (const chunk of body) check.update(chunk);
    } catch {
      // The stream broke off mid-way: S3 stumbled, not the user.
      throw new ServiceUnavailableError('s3');
    }
    return check.verdict();
  }

  async function ownedDocument(userId: string, assessmentId: string, docId: string) {
    const row = await repo.findOwnedDocument(db, userId, assessmentId, docId);
    if (!row) throw new NotFoundError('Document not found.');
    return row;
  }

  return {
    async create(userId: string, assessmentId: string, input: CreateDocumentRequest) {
      await ensureStorage();
      const docId = randomUUID();
      const s3Key = documentKey(assessmentId, docId, input.fileName);
      // Signed first: if signing fails, no pending row is left behind.
      const upload = await deps.storage.createUploadSlot(s3Key, input.contentType, input.sizeBytes, now());
      const row = await db.transaction(async (tx) => {
        const assessment = await repo.lockOwnedAssessment(tx, userId, assessmentId);
        if (!assessment) throw new NotFoundError('Assessment not found.');
        if (assessment.status === 'submitted') {
          throw new ConflictError('The assessment has been submitted; documents can no longer change.');
        }
        if ((await repo.countDocuments(tx, assessmentId)) >= MAX_DOCUMENTS_PER_ASSESSMENT) {
          throw new UnprocessableEntityError(
            `An assessment can have at most ${MAX_DOCUMENTS_PER_ASSESSMENT} documents. Delete one to add another.`,
          );
        }
        return repo.insertDocument(tx, {
          id: docId,
          assessmentId,
          s3Key,
          fileName: input.fileName,
          fileType: input.contentType,
          sizeBytes: input.sizeBytes,
        });
      });
      return { document: toDocumentView(row), upload };
    },

    async complete(userId: string, assessmentId: string, docId: string) {
      const { document, assessmentStatus } = await ownedDocument(userId, assessmentId, docId);
      if (document.status === 'uploaded') return { document: toDocumentView(document) };
      if (assessmentStatus === 'submitted') throw new ConflictError('The assessment has been submitted.');
      const stored = await deps.storage.head(document.s3Key);
      if (!stored) throw new UnprocessableEntityError('The file has not been uploaded yet.');
      if (stored.sizeBytes !== document.sizeBytes) {
        throw new UnprocessableEntityError(
          `The uploaded file is ${stored.sizeBytes} bytes, not the ${document.sizeBytes} bytes announced.`,
        );
      }
      if (stored.contentType !== document.fileType) {
        throw new UnprocessableEntityError(`The uploaded file's type is not ${document.fileType}.`);
      }
      const verdict = await inspect(document.s3Key, stored.versionId, document.fileType);
      if (verdict.mismatch || verdict.sizeBytes !== document.sizeBytes) {
        // The object goes; the slot stays pending, so the user can upload the right file or delete it.
        await deps.storage.remove(document.s3Key, stored.versionId);
        throw new UnprocessableEntityError(
          verdict.mismatch ?? 'The uploaded file changed while it was checked. Upload it again.',
        );
      }
      const recorded = { versionId: stored.versionId ?? null, sha256: verdict.sha256 };
      const updated = await repo.markUploaded(db, docId, recorded);
      if (!updated)
        return { document: toDocumentView((await ownedDocument(userId, assessmentId, docId)).document) };
      deps.metrics.count('DocumentUploaded');
      return { document: toDocumentView(updated) };
    },

    async download(userId: string, assessmentId: string, docId: string) {
      const { document } = await ownedDocument(userId, assessmentId, docId);
      if (document.status !== 'uploaded') throw new NotFoundError('The document has not been uploaded yet.');
      return deps.storage.downloadUrl(
        document.s3Key,
        document.fileName,
        now(),
        document.versionId ?? undefined,
      );
    },

    async remove(userId: string, assessmentId: string, docId: string) {
      const { document, assessmentStatus } = await ownedDocument(userId, assessmentId, docId);
      if (assessmentStatus === 'submitted') {
        throw new ConflictError('The assessment has been submitted; documents can no longer change.');
      }
      // The object goes first: if S3 is down, the row stays and the user can retry.
      await deps.storage.remove(document.s3Key, document.versionId ?? undefined);
      await repo.deleteDocument(db, docId);
    },
  };
}
export type DocumentService = ReturnType<typeof documentService>;
