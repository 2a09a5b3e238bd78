import {
  checkFile,
  contentTypeFor,
  MAX_FILE_BYTES,
} from '../../client/src/features/documents/lib/file-rules';
import { type QueueApi, UploadQueue } from '../../client/src/features/documents/lib/upload-queue';
import type { Transport } from '../../client/src/features/documents/lib/upload-transport';

type Doc = { id: string; fileName: string; status: string };

function file(name: string, type: string, size = 10): File {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A transport whose uploads the test drives by hand: progress, finish, fail. */
function manualTransport() {
  const uploads: {
    url: string;
    progress: (p: number) => void;
    resolve: () => void;
    reject: (e: unknown) => void;
    signal: AbortSignal;
  }[] = [];
  const transport: Transport = (instruction, _file, onProgress, signal) =>
    new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      uploads.push({ url: instruction.url, progress: onProgress, resolve, reject, signal });
    });
  return { transport, uploads };
}

function setup(existing = 0) {
  const { transport, uploads } = manualTransport();
  let n = 0;
  const api: QueueApi<Doc> & { create: jest.Mock; complete: jest.Mock; remove: jest.Mock } = {
    create: jest.fn(async (meta: { fileName: string }) => {
      n += 1;
      return {
        document: { id: `doc-${n}` },
        upload: { method: 'POST' as const, url: `https://s3/${meta.fileName}` },
      };
    }),
    complete: jest.fn(async (id: string) => ({ id, fileName: id, status: 'uploaded' })),
    remove: jest.fn(async () => undefined),
    transport,
    describeError: (e) => (e instanceof Error ? e.message : 'failed'),
  };
  const uploaded: Doc[] = [];
  const queue = new UploadQueue(api, { existingCount: () => existing, onUploaded: (d) => uploaded.push(d) });
  return { queue, api, uploads, uploaded };
}

const tick = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('file rules', () => {
  it('when the browser reports no type or a legacy one, then the extension decides', () => {
    expect(contentTypeFor({ name: 'plan.docx', type: '' })).toBe(DOCX);
    expect(contentTypeFor({ name: 'data.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(contentTypeFor({ name: 'photo.JPG', type: '' })).toBe('image/jpeg');
    expect(contentTypeFor({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
    expect(contentTypeFor({ name: 'renamed.pdf', type: 'image/png' })).toBe(PDF);
  });

  it('when a file is empty, too big or of another type, then the reason is given in plain words', () => {
    expect(checkFile(file('a.pdf', PDF, 0))).toBe('a.pdf is empty.');
    expect(checkFile(file('a.pdf', PDF, MAX_FILE_BYTES + 1))).toBe('a.pdf is larger than 25 MB.');
    expect(checkFile(file('a.pdf', PDF, MAX_FILE_BYTES))).toBeNull();
    expect(checkFile(file('run.exe', 'application/x-msdownload'))).toMatch(/not a supported file type/);
  });
});

describe('UploadQueue', () => {
  it('when files are added, then each is created, sent with progress, completed, and reported', async () => {
    const { queue, api, uploads, uploaded } = setup();
    queue.add([file('a.pdf', PDF, 100), file('b.docx', DOCX, 200)]);
    await tick();
    expect(api.create).toHaveBeenCalledWith({ fileName: 'a.pdf', contentType: PDF, sizeBytes: 100 });
    expect(uploads.map((u) => u.url)).toEqual(['https://s3/a.pdf', 'https://s3/b.docx']);
    uploads[0]!.progress(0.5);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'uploading', progress: 0.5 });
    uploads[0]!.progress(1);
    uploads[0]!.resolve();
    await tick();
    expect(api.complete).toHaveBeenCalledWith('doc-1');
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'done', progress: 1 });
    expect(uploaded.map((d) => d.id)).toEqual(['doc-1']);
  });

  it('then at most two uploads run at once and the next starts when one finishes', async () => {
    const { queue, uploads } = setup();
    queue.add([file('a.pdf', PDF), file('b.pdf', PDF), file('c.xlsx', XLSX)]);
    await tick();
    expect(uploads).toHaveLength(2);
    expect(queue.getSnapshot()[2]!.status).toBe('queued');
    uploads[1]!.resolve();
    await tick();
    expect(uploads).toHaveLength(3);
  });

  it('when a file breaks a rule, then it is listed as rejected and never sent', async () => {
    const { queue, api } = setup();
    const added = queue.add([file('notes.txt', 'text/plain'), file('big.pdf', PDF, MAX_FILE_BYTES + 1)]);
    await tick();
    expect(added.map((i) => i.status)).toEqual(['rejected', 'rejected']);
    expect(added[0]!.error).toMatch(/notes.txt is not a supported file type/);
    expect(api.create).not.toHaveBeenCalled();
  });

  it('when the assessment already has 20 documents, then more are refused', async () => {
    const { queue, api } = setup(19);
    const added = queue.add([file('a.pdf', PDF), file('b.pdf', PDF)]);
    expect(added.map((i) => i.status)).toEqual(['queued', 'rejected']);
    expect(added[1]!.error).toMatch(/at most 20 documents/);
    await tick();
    expect(api.create).toHaveBeenCalledTimes(1);
  });

  it('when an upload is canceled, then the request is aborted and the pending document deleted', async () => {
    const { queue, api, uploads } = setup();
    const [item] = queue.add([file('a.pdf', PDF)]);
    await tick();
    queue.cancel(item!.key);
    await tick();
    expect(uploads[0]!.signal.aborted).toBe(true);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'canceled', error: undefined });
    expect(api.remove).toHaveBeenCalledWith('doc-1');
    expect(api.complete).not.toHaveBeenCalled();
  });

  it('when an upload fails, then the error shows and Retry starts over with a new document', async () => {
    const { queue, api, uploads } = setup();
    const [item] = queue.add([file('a.pdf', PDF)]);
    await tick();
    uploads[0]!.reject(new Error('The upload was interrupted. Check your connection.'));
    await tick();
    expect(queue.getSnapshot()[0]).toMatchObject({
      status: 'error',
      error: 'The upload was interrupted. Check your connection.',
    });
    expect(api.remove).toHaveBeenCalledWith('doc-1');
    queue.retry(item!.key);
    await tick();
    expect(api.create).toHaveBeenCalledTimes(2);
    uploads[1]!.resolve();
    await tick();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'done', documentId: 'doc-2' });
  });

  it('when complete is refused (422), then the item fails with the server message', async () => {
    const { queue, api, uploads } = setup();
    api.complete.mockRejectedValueOnce(
      new Error('The uploaded file is 3 bytes, not the 10 bytes announced.'),
    );
    queue.add([file('a.pdf', PDF)]);
    await tick();
    uploads[0]!.resolve();
    await tick();
    expect(queue.getSnapshot()[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/not the 10 bytes/),
    });
  });

  it('when a finished row is dismissed, then it leaves the list', async () => {
    const { queue } = setup();
    const [item] = queue.add([file('notes.txt', 'text/plain')]);
    queue.dismiss(item!.key);
    expect(queue.getSnapshot()).toEqual([]);
  });
});
