import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { announce } from '../../../lib/announcer';
import {
  type AnswerValue,
  AutosaveController,
  type AutosaveDeps,
  type Responses,
} from './autosave-controller';

type Initial = { version: number; status: string; responses: Responses };

/**
 * Holds the answers shown on screen and autosaves every change through an AutosaveController.
 * Unsaved edits block tab close, are flushed when the component unmounts, and retry when back online.
 */
export function useAutosave(initial: Initial, deps: Omit<AutosaveDeps, 'onRemote'>) {
  const [values, setValues] = useState<Responses>(initial.responses);
  const ref = useRef<AutosaveController | null>(null);
  if (ref.current === null) {
    const controller = new AutosaveController(
      initial.version,
      {
        ...deps,
        // After a conflict the server's answers come back; the user's unsaved edits stay on top.
        onRemote: (remote) => setValues({ ...remote, ...controller.unsaved() }),
      },
      initial.status === 'submitted',
    );
    ref.current = controller;
  }
  const controller = ref.current;
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);

  const setAnswer = useCallback(
    (questionId: string, value: AnswerValue) => {
      setValues((prev) => ({ ...prev, [questionId]: value }));
      controller.edit(questionId, value);
    },
    [controller],
  );

  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (controller.hasUnsaved()) e.preventDefault();
    };
    const online = () => {
      if (controller.hasUnsaved()) void controller.flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('online', online);
      // Leaving the questionnaire: send what is left straight away.
      if (controller.hasUnsaved()) void controller.flush();
    };
  }, [controller]);

  // Speak only the transitions that matter: failure, recovery and lock.
  const previous = useRef(snapshot.status);
  useEffect(() => {
    const before = previous.current;
    previous.current = snapshot.status;
    if (before === snapshot.status) return;
    if (snapshot.status === 'retrying' && before !== 'retrying') {
      announce('Your latest answers are not saved yet. Retrying automatically.', 'assertive');
    } else if (snapshot.status === 'error') {
      announce('Your latest answers could not be saved. Use the Retry button.', 'assertive');
    } else if (snapshot.status === 'saved' && (before === 'retrying' || before === 'error')) {
      announce('All answers saved.');
    } else if (snapshot.status === 'locked') {
      announce('This assessment has been submitted. Answers can no longer be changed.', 'assertive');
    }
  }, [snapshot.status]);

  const flush = useCallback(() => controller.flush(), [controller]);
  return { values, setAnswer, snapshot, flush, hasUnsaved: () => controller.hasUnsaved() };
}
