import { checkFile, contentTypeFor, MAX_DOCUMENTS } from './file-rules';
import type { Transport, UploadInstruction } from './upload-transport';

export type UploadStatus = 'queued' | 'uploading' | 'completing' | 'done' | 'error' | 'canceled' | 'rejected';

export type UploadItem = {
  key: string;
  fileName: string;
  sizeBytes: number;
  contentType: string | null;
  status: UploadStatus;
  /** 0..1 */
  progress: number;
  error?: string;
  documentId?: string;
};

export type UploadedDocument = { id: string; fileName: string; status: string };

export type QueueApi<D extends UploadedDocument> = {
  create: (meta: { fileName: string; contentType: string; sizeBytes: number }) => Promise<{
    document: { id: string };
    upload: UploadInstruction;
  }>;
  complete: (documentId: string) => Promise<D>;
  remove: (documentId: string) => Promise<void>;
  transport: Transport;
  describeError: (error: unknown) => string;
};

type QueueOptions<D> = {
  concurrency?: number;
  /** Documents already attached (the API allows 20 per assessment). */
  existingCount: () => number;
  /** Documents already attached, to catch the same file being added twice. */
  existing?: () => { fileName: string; sizeBytes?: number }[];
  onUploaded?: (document: D, item: UploadItem) => void;
  onFailed?: (item: UploadItem) => void;
};

const ACTIVE: UploadStatus[] = ['queued', 'uploading', 'completing'];
let nextKey = 0;

/**
 * Uploads files one by one (two at a time): validate, create the document, send the bytes straight
 * to storage with progress, then `complete`. Each item can be canceled or retried on its own.
 */
export class UploadQueue<D extends UploadedDocument> {
  private items: UploadItem[] = [];
  private readonly files = new Map<string, Blob>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: QueueApi<D>,
    private readonly options: QueueOptions<D>,
  ) {}

  getSnapshot = (): UploadItem[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Queue files; those breaking a rule are listed as rejected with the reason. */
  add(files: ArrayLike<File>): UploadItem[] {
    const added: UploadItem[] = [];
    for (const file of Array.from(files)) {
      nextKey += 1;
      const key = `upload-${nextKey}`;
      const active = this.items.filter((i) => ACTIVE.includes(i.status)).length;
      let error = checkFile(file) ?? this.duplicateOf(file);
      if (!error && this.options.existingCount() + active >= MAX_DOCUMENTS) {
        error = `${file.name} was not added: an assessment can have at most ${MAX_DOCUMENTS} documents.`;
      }
      const item: UploadItem = {
        key,
        fileName: file.name,
        sizeBytes: file.size,
        contentType: contentTypeFor(file),
        status: error ? 'rejected' : 'queued',
        progress: 0,
        error: error ?? undefined,
      };
      if (!error) this.files.set(key, file);
      this.items = [...this.items, item];
      added.push(item);
    }
    this.emit();
    this.pump();
    return added;
  }

  /** Same name and size as a document already attached or on its way: almost surely the same file. */
  private duplicateOf(file: File): string | null {
    const same = (name: string, size?: number) =>
      name.toLowerCase() === file.name.toLowerCase() && (size === undefined || size === file.size);
    const attached = (this.options.existing?.() ?? []).some((d) => same(d.fileName, d.sizeBytes));
    const queued = this.items.some(
      (i) => (ACTIVE.includes(i.status) || i.status === 'done') && same(i.fileName, i.sizeBytes),
    );
    if (attached) return `${file.name} is already attached. Delete the attached copy first to replace it.`;
    if (queued) return `${file.name} is already being uploaded.`;
    return null;
  }

  cancel(key: string): void {
    const item = this.find(key);
    if (!item || !ACTIVE.includes(item.status)) return;
    const controller = this.controllers.get(key);
    if (controller) controller.abort();
    else this.patch(key, { status: 'canceled' });
  }

  retry(key: string): void {
    const item = this.find(key);
    if (!item || (item.status !== 'error' && item.status !== 'canceled')) return;
    this.patch(key, { status: 'queued', progress: 0, error: undefined, documentId: undefined });
    this.pump();
  }

  /** Remove a finished, failed or rejected row from the list. */
  dismiss(key: string): void {
    const item = this.find(key);
    if (!item || ACTIVE.includes(item.status)) return;
    this.items = this.items.filter((i) => i.key !== key);
    this.files.delete(key);
    this.emit();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 2;
    let running = this.items.filter((i) => i.status === 'uploading' || i.status === 'completing').length;
    for (const item of this.items) {
      if (running >= limit) break;
      if (item.status !== 'queued') continue;
      running += 1;
      void this.start(item.key);
    }
  }

  private async start(key: string): Promise<void> {
    const file = this.files.get(key);
    const item = this.find(key);
    if (!file || !item?.contentType) return;
    const controller = new AbortController();
    this.controllers.set(key, controller);
    this.patch(key, { status: 'uploading', progress: 0 });
    let documentId: string | undefined;
    try {
      const created = await this.api.create({
        fileName: item.fileName,
        contentType: item.contentType,
        sizeBytes: item.sizeBytes,
      });
      documentId = created.document.id;
      this.patch(key, { documentId });
      controller.signal.throwIfAborted();
      await this.api.transport(
        created.upload,
        file,
        (p) => this.patch(key, { progress: p }),
        controller.signal,
      );
      controller.signal.throwIfAborted();
      this.patch(key, { status: 'completing', progress: 1 });
      const doc = await this.api.complete(documentId);
      documentId = undefined;
      this.patch(key, { status: 'done', progress: 1 });
      const done = this.find(key);
      if (done) this.options.onUploaded?.(doc, done);
    } catch (error) {
      const canceled = controller.signal.aborted;
      this.patch(key, {
        status: canceled ? 'canceled' : 'error',
        error: canceled ? undefined : this.api.describeError(error),
        documentId: undefined,
      });
      // Don't leave a half-uploaded document counting against the limit.
      if (documentId) this.api.remove(documentId).catch(() => undefined);
      const failed = this.find(key);
      if (!canceled && failed) this.options.onFailed?.(failed);
    } finally {
      this.controllers.delete(key);
      this.pump();
    }
  }

  private find(key: string): UploadItem | undefined {
    return this.items.find((i) => i.key === key);
  }

  private patch(key: string, patch: Partial<UploadItem>): void {
    this.items = this.items.map((i) => (i.key === key ? { ...i, ...patch } : i));
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
