/** The API's upload rules, checked before anything is sent. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_DOCUMENTS = 20;

export const ALLOWED_TYPES: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'DOCX',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'XLSX',
    extensions: ['xlsx'],
  },
  'text/csv': { label: 'CSV', extensions: ['csv'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
};

export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ALLOWED_TYPES),
  ...Object.values(ALLOWED_TYPES).flatMap((t) => t.extensions.map((e) => `.${e}`)),
].join(',');

export const ALLOWED_LABELS = 'PDF, DOCX, XLSX, CSV, PNG or JPEG';

/**
 * The content type to declare for a file, or null when it is not allowed. Browsers often report ''
 * or a legacy type (CSV as application/vnd.ms-excel), so the extension decides when the type does not.
 */
export function contentTypeFor(file: { name: string; type: string }): string | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()?.toLowerCase() : undefined;
  const byExt = Object.entries(ALLOWED_TYPES).find(([, t]) => ext && t.extensions.includes(ext))?.[0];
  if (file.type in ALLOWED_TYPES) {
    // Trust a declared type only when the extension does not contradict it.
    return !byExt || byExt === file.type ? file.type : byExt;
  }
  return byExt ?? null;
}

/** Why a file cannot be uploaded, in plain words; null when it can. */
export function checkFile(file: { name: string; type: string; size: number }): string | null {
  if (contentTypeFor(file) === null)
    return `${file.name} is not a supported file type. Upload a ${ALLOWED_LABELS} file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_FILE_BYTES) return `${file.name} is larger than 25 MB.`;
  return null;
}
