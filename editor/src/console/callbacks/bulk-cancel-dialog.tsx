/** "Are you sure" for a bulk cancel: how many callbacks go, and which are left as they are. */
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../shell/confirm-dialog.tsx';
import type { cancellable } from './callback-list.ts';

export type BulkCancelPlan = ReturnType<typeof cancellable> & { scope: 'selected' | 'range' };

export function BulkCancelDialog(props: {
  plan: BulkCancelPlan;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('callbacks');
  const { ids, processing, completed, scope } = props.plan;
  return (
    <ConfirmDialog
      title={t('bulk.confirmTitle', { count: ids.length })}
      confirmLabel={t('bulk.confirmAction', { count: ids.length })}
      cancelLabel={t('bulk.keep')}
      danger
      testId="bulk-cancel-dialog"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>{t(scope === 'range' ? 'bulk.confirmRange' : 'bulk.confirmSelected', { count: ids.length })}</p>
      {processing > 0 && <p>{t('bulk.confirmProcessing', { count: processing })}</p>}
      {completed > 0 && <p>{t('bulk.confirmCompleted', { count: completed })}</p>}
    </ConfirmDialog>
  );
}
