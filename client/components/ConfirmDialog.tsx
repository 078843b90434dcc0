import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something destructive. The safe choice (cancel) has the focus. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const t = useT();
  return (
    <Dialog labelledBy="confirm-title" describedBy="confirm-body" onClose={onCancel}>
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body">{children}</div>
      <div class="dialog-actions">
        <button type="button" class="button" autoFocus onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
