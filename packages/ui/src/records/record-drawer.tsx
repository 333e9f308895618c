import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Drawer, Flex, Popconfirm, Skeleton, Tabs } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import type { RecordData } from '../api/types';
import { DuplicateWarning } from '../duplicates/duplicate-warning';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import type { DrawerTarget } from '../objects/use-drawer-target';
import { ErrorState } from '../shell/error-state';
import { useAppDocument } from '../stores/document-source';
import { useSessionStore } from '../stores/session-store';
import { RecordForm } from './record-form';
import { useDrawerSize } from './use-drawer-size';
import { useRecordEditor } from './use-record-editor';

// The history tab (antd's Timeline) loads when it is first opened, not with every form.
const RecordHistory = lazy(() => import('./record-history').then((m) => ({ default: m.RecordHistory })));

interface RecordDrawerProps {
  appId: string;
  object: ObjectDefinition;
  target: Exclude<DrawerTarget, null>;
  onClose: () => void;
  onSaved: (record: RecordData) => void;
  onDeleted: (id: string) => void;
}

/** The drawer closed: nothing on screen, but antd computes the Drawer's styles (lazy-record-drawer.tsx). */
export function ClosedRecordDrawer() {
  return <Drawer open={false} />;
}

/** Create or edit one record; on a phone it takes the whole screen. */
export function RecordDrawer({ appId, object, target, onClose, onSaved, onDeleted }: RecordDrawerProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const document = useAppDocument();
  const editor = useRecordEditor({ appId, document, object, target, onSaved, onDeleted, onClose });
  const objectLabel = localized(object.label, locale, object.id);
  const isEdit = target.mode === 'edit';
  const size = useDrawerSize(object);

  const form = document && (
    <Flex vertical gap={12}>
      {target.mode === 'edit' && target.preset && <Alert type="info" showIcon data-testid="record-preset-notice" title={target.preset.notice} />}
      {editor.conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="record-conflict"
          title={t('record.conflictTitle')}
          description={t('record.conflictDetail')}
          action={
            <Button size="small" onClick={editor.reload}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      {editor.draft.offer && (
        <Alert
          type="info"
          showIcon
          data-testid="record-draft"
          title={t('form.draftFound', { time: dayjs(editor.draft.offer.updatedAt).format('YYYY-MM-DD HH:mm') })}
          action={
            <Flex gap={8}>
              <Button size="small" type="primary" onClick={editor.draft.resume} data-testid="record-draft-resume">
                {t('form.draftResume')}
              </Button>
              <Button size="small" onClick={editor.draft.discard} data-testid="record-draft-discard">
                {t('form.draftDiscard')}
              </Button>
            </Flex>
          }
        />
      )}
      {editor.duplicates.length > 0 && (
        <DuplicateWarning
          appId={appId}
          object={object}
          candidates={editor.duplicates}
          saving={editor.saving}
          onSaveAnyway={() => void editor.save({ anyway: true })}
        />
      )}
      {editor.generalErrors.length > 0 && <Alert type="error" showIcon title={editor.generalErrors.map((m) => <div key={m}>{m}</div>)} />}
      <RecordForm runtime={editor.runtime} layout={editor.layout} disabled={editor.saving} />
    </Flex>
  );

  const footer = (
    <Flex justify="space-between" gap={8}>
      <div>
        {isEdit && editor.record && !editor.asApprover && (
          <Popconfirm title={t('record.deleteConfirm')} onConfirm={editor.remove} okButtonProps={{ danger: true }}>
            <Button danger disabled={editor.saving} data-testid="record-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )}
      </div>
      <Flex gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          loading={editor.saving}
          disabled={editor.loadState.status !== 'ready'}
          onClick={() => void editor.save()}
          data-testid="record-save"
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={size}
      title={editor.asApprover ? t('approvals.fill') : t(isEdit ? 'record.editTitle' : 'record.createTitle', { object: objectLabel })}
      footer={footer}
      data-testid="record-drawer"
      destroyOnHidden
    >
      {editor.loadState.status === 'loading' && <Skeleton active />}
      {editor.loadState.status === 'failed' && <ErrorState title={t('record.loadFailed')} error={editor.loadState.error} onRetry={editor.reload} />}
      {editor.loadState.status === 'ready' &&
        // An approver fills in their step's fields; the record's history is its readers' page.
        (isEdit && editor.record && !editor.asApprover ? (
          <Tabs
            items={[
              { key: 'details', label: t('record.tabDetails'), children: form },
              {
                key: 'history',
                label: t('record.tabHistory'),
                children: (
                  <Suspense fallback={<Skeleton active />}>
                    <RecordHistory appId={appId} object={object} recordId={editor.record.id} version={editor.record.version} />
                  </Suspense>
                ),
              },
            ]}
          />
        ) : (
          form
        ))}
    </Drawer>
  );
}
