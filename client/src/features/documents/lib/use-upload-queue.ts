import { useRef, useSyncExternalStore } from 'react';
import { type QueueApi, type UploadedDocument, type UploadItem, UploadQueue } from './upload-queue';

type Options<D> = {
  existingCount: () => number;
  existing?: () => { fileName: string; sizeBytes?: number }[];
  onUploaded?: (document: D, item: UploadItem) => void;
  onFailed?: (item: UploadItem) => void;
};

/** One UploadQueue per component, its items as React state. Callbacks always see the latest props. */
export function useUploadQueue<D extends UploadedDocument>(api: QueueApi<D>, options: Options<D>) {
  const latest = useRef(options);
  latest.current = options;
  const ref = useRef<UploadQueue<D> | null>(null);
  if (ref.current === null) {
    ref.current = new UploadQueue(api, {
      existingCount: () => latest.current.existingCount(),
      existing: () => latest.current.existing?.() ?? [],
      onUploaded: (doc, item) => latest.current.onUploaded?.(doc, item),
      onFailed: (item) => latest.current.onFailed?.(item),
    });
  }
  const queue = ref.current;
  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  return { queue, items };
}
