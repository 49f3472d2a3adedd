// The frame of the app's modal dialogs (import, build from public records): a backdrop, a labelled dialog
// that takes the focus when it opens (and again when a control it held is disabled), Escape and a Tab trap.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { modalKeyHandler } from '../../ui/modal-keys.ts';
import './import.css';

export interface ModalDialogProps {
  title: ReactNode;
  testId: string;
  onEscape: () => void;
  /** When this changes, focus comes back to the dialog if it has left it (a pressed button got disabled). */
  refocusKey?: unknown;
  /** Extra data-* attributes of the dialog, for diagnosis and tests. */
  data?: Readonly<Record<`data-${string}`, string | number>>;
  children: ReactNode;
}

export function ModalDialog({ title, testId, onEscape, refocusKey, data, children }: ModalDialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!(dialog.current?.contains(document.activeElement) ?? false)) dialog.current?.focus();
  }, [refocusKey]);
  return (
    <div className="import-backdrop">
      <div
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        {...data}
        ref={dialog}
        tabIndex={-1}
        onKeyDown={modalKeyHandler(dialog, onEscape)}
      >
        <h2 id={titleId} className="import-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
