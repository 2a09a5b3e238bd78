import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/problem';
import { validateAssessmentName } from '../api/rename-assessment';

type RenameDialogProps = {
  /** The current name; null keeps the dialog closed. */
  current: string | null;
  busy: boolean;
  error: unknown;
  onSave: (name: string) => void;
  onCancel: () => void;
};

/** Rename in a modal: the field starts with the current name; Enter saves. */
export function RenameDialog({ current, busy, error, onSave, onCancel }: RenameDialogProps) {
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  useEffect(() => {
    setName(current ?? '');
    setFieldError(undefined);
  }, [current]);
  const save = () => {
    const problem = validateAssessmentName(name);
    setFieldError(problem);
    if (!problem) onSave(name.trim());
  };
  const serverField = error instanceof ApiError ? error.fieldErrors.name : undefined;
  return (
    <ConfirmDialog
      open={current !== null}
      title="Rename assessment"
      confirmLabel={busy ? 'Saving…' : 'Save name'}
      busy={busy}
      onConfirm={save}
      onCancel={onCancel}
    >
      {error && !serverField ? <ErrorAlert error={error} /> : null}
      <TextField
        label="Name"
        hint="For example: Q3 2026 board review. Up to 120 characters."
        value={name}
        maxLength={140}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
        error={fieldError ?? serverField}
        inputId="rename-name"
      />
    </ConfirmDialog>
  );
}
