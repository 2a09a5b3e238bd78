import { type DragEvent, useId, useRef, useState } from 'react';
import { ACCEPT_ATTRIBUTE, ALLOWED_LABELS } from '../lib/file-rules';

/** Drag-and-drop target with a real, keyboard-reachable file picker inside. */
export function FileDropZone({
  onFiles,
  disabled,
}: {
  onFiles: (files: FileList) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled && e.dataTransfer.files.length > 0) onFiles(e.dataTransfer.files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a mouse enhancement; the file input inside is the accessible control
    <div
      className={`dropzone${over ? ' dropzone--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <p className="dropzone__title">Drag files here, or</p>
      <label htmlFor={id} className="button button--secondary dropzone__pick">
        Choose files
      </label>
      <input
        id={id}
        ref={input}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={disabled}
        className="visually-hidden"
        aria-describedby={`${id}-rules`}
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files && files.length > 0) onFiles(files);
          // Allow picking the same file again after a failure.
          if (input.current) input.current.value = '';
        }}
      />
      <p id={`${id}-rules`} className="field__hint">
        {ALLOWED_LABELS}, up to 25 MB each, at most 20 per assessment.
      </p>
    </div>
  );
}
