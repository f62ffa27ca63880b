import type { ComponentChildren } from 'preact';
import { t } from './i18n';

export interface CardShellProps {
  kind: string;
  label: string;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  children: ComponentChildren;
}

/** The popover frame. Non-modal: it never takes focus away from the page, so it cannot trap it. */
export function CardShell({
  kind,
  label,
  onClose,
  onPointerEnter,
  onPointerLeave,
  children,
}: CardShellProps) {
  return (
    <div
      class="bs-card"
      role="dialog"
      aria-label={label}
      data-testid="card"
      data-kind={kind}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <button type="button" class="bs-close" aria-label={t('closeCard')} onClick={onClose}>
        ×
      </button>
      {children}
    </div>
  );
}
