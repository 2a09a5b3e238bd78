/** The presigned request the API hands out. */
export type UploadInstruction = {
  method: 'POST' | 'PUT';
  url: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
};

export type Transport = (
  instruction: UploadInstruction,
  file: Blob,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<void>;

export class UploadFailedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadFailedError';
  }
}

/**
 * Sends the file straight to S3 with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * POST: every policy field first, the file last under `file`. PUT: the raw body with the signed headers.
 */
export const xhrTransport: Transport = (instruction, file, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(instruction.method, instruction.url);
    let body: Blob | FormData = file;
    if (instruction.method === 'POST') {
      const form = new FormData();
      for (const [k, v] of Object.entries(instruction.fields ?? {})) form.append(k, v);
      form.append('file', file);
      body = form;
    } else {
      for (const [k, v] of Object.entries(instruction.headers ?? {})) {
        // The browser sets these itself and refuses to have them set.
        if (!/^(host|content-length)$/i.test(k)) xhr.setRequestHeader(k, v);
      }
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(
          new UploadFailedError(`The storage service refused the file (HTTP ${xhr.status}).`, xhr.status),
        );
      }
    };
    xhr.onerror = () =>
      reject(new UploadFailedError('The upload was interrupted. Check your connection.', 0));
    xhr.onabort = () => reject(new DOMException('Upload canceled', 'AbortError'));
    if (signal.aborted) {
      reject(new DOMException('Upload canceled', 'AbortError'));
      return;
    }
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
