import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Card, Col, Result, Row, Skeleton, Spin, Tabs } from 'antd';
import { Suspense } from 'react';
import { ApiError } from '../api/problem';
import { RecordApprovals } from '../approvals/record-approvals';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { RecordDrawer, RecordDrawerPreload } from '../records/lazy-record-drawer';
import { ErrorState } from '../shell/error-state';
import { useSessionStore } from '../stores/session-store';
import { RecordComments } from './record-comments';
import { RecordDetails } from './record-details';
import { RecordHeader } from './record-header';
import { RecordTimeline } from './record-timeline';
import { RelatedCreateDrawer } from './related-create-drawer';
import { RelatedListCard } from './related-list-card';
import { usePageFrame, useUserNames } from './use-page-frame';
import { useRecordPage } from './use-record-page';
import './record-page.css';

interface RecordPageProps {
  appId: string;
  objectId: string;
  recordId: string;
}

/**
 * One record's own page ("customer 360"): a shareable URL, safe to reload, outside the list. It
 * renders inside the host's app shell, as the lists do: one header and side menu for every page.
 */
export function RecordPage({ appId, objectId, recordId }: RecordPageProps) {
  const t = useT();
  const frame = usePageFrame(appId, objectId);
  return (
    <div className="record-page-content" data-testid="record-page">
      {frame.status === 'failed' && <ErrorState title={t('shell.loadFailed')} error={frame.error} onRetry={frame.reload} />}
      {frame.status === 'ready' && !frame.object && <Result status="404" subTitle={t('shell.unknownObject')} />}
      {frame.status !== 'failed' && !frame.object && frame.status !== 'ready' && <Spin size="large" style={{ display: 'block', marginTop: 96 }} />}
      {frame.object && <RecordPageBody key={`${objectId}/${recordId}`} appId={appId} object={frame.object} recordId={recordId} listTitle={frame.listTitle} />}
    </div>
  );
}

interface BodyProps {
  appId: string;
  object: ObjectDefinition;
  recordId: string;
  listTitle: string;
}

function RecordPageBody({ appId, object, recordId, listTitle }: BodyProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const page = useRecordPage(appId, object, recordId);
  const userName = useUserNames();

  if (page.status === 'loading')
    return (
      <Card className="record-page-card">
        <Skeleton active avatar paragraph={{ rows: 6 }} />
      </Card>
    );
  if (page.status === 'failed') {
    const gone = page.error instanceof ApiError && page.error.status === 404;
    return gone ? (
      <Result
        status="404"
        subTitle={t('recordPage.notFound')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={page.backToList}>
            {listTitle}
          </Button>
        }
      />
    ) : (
      <ErrorState title={t('record.loadFailed')} error={page.error} onRetry={page.reload} />
    );
  }

  const record = page.record;
  const display = object.displayField ? record[object.displayField] : undefined;
  const title = typeof display === 'string' && display !== '' ? display : `#${record.id.slice(0, 8)}`;
  const drawer = page.drawer;
  const relatedList = drawer?.kind === 'related' ? page.lists.find((l) => l.field.id === drawer.listId) : undefined;

  const details = <RecordDetails layout={page.layout} record={record} />;
  const related = page.lists.length > 0 && (
    <div className="record-page-stack">
      {page.lists.map((list) => (
        <RelatedListCard
          key={list.field.id}
          appId={appId}
          list={list}
          recordId={record.id}
          revision={page.relatedRevision}
          onOpen={page.openRecord}
          onCreate={page.openRelatedCreate}
        />
      ))}
    </div>
  );
  const timeline = <RecordTimeline appId={appId} object={object} recordId={record.id} version={record.version} userName={userName} />;
  const comments = <RecordComments appId={appId} objectId={object.id} recordId={record.id} />;
  const approvals = (
    <RecordApprovals
      appId={appId}
      objectId={object.id}
      recordId={record.id}
      recordTitle={title}
      version={record.version}
      fieldLabel={(id) => localized(object.fields.find((f) => f.id === id)?.label, locale, id)}
      onChanged={page.reload}
      onFill={page.openApprovalFill}
    />
  );

  return (
    <div className="record-page-stack">
      <RecordHeader
        object={object}
        record={record}
        title={title}
        listTitle={listTitle}
        facts={page.facts}
        ownerName={record.owner_id ? userName(record.owner_id) : '—'}
        deleting={page.deleting}
        onBack={page.backToList}
        onEdit={page.openEdit}
        onDelete={() => void page.remove()}
      />
      {page.isPhone && approvals}
      {page.isPhone ? (
        // A phone shows one thing at a time: the details, the related lists, the timeline or the comments.
        <Tabs
          className="record-page-tabs"
          items={[
            { key: 'details', label: t('record.tabDetails'), children: details },
            ...(related ? [{ key: 'related', label: t('recordPage.tabRelated'), children: related }] : []),
            {
              key: 'timeline',
              label: t('recordPage.tabTimeline'),
              children: (
                <Card size="small" className="record-page-card">
                  {timeline}
                </Card>
              ),
            },
            {
              key: 'comments',
              label: t('comments.title'),
              children: (
                <Card size="small" className="record-page-card">
                  {comments}
                </Card>
              ),
            },
          ]}
        />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            {details}
          </Col>
          <Col xs={24} lg={9}>
            <div className="record-page-stack">
              {approvals}
              {related}
              <Card size="small" className="record-page-card" title={t('comments.title')}>
                {comments}
              </Card>
              <Card size="small" className="record-page-card" title={t('recordPage.tabTimeline')}>
                {timeline}
              </Card>
            </div>
          </Col>
        </Row>
      )}

      {/* The edit form and its widgets come while the user reads the page, so Edit opens at once. */}
      <RecordDrawerPreload />
      {page.drawer?.kind === 'edit' && (
        <Suspense fallback={null}>
          <RecordDrawer
            appId={appId}
            object={object}
            target={page.drawer.approval ? { mode: 'edit', recordId: record.id, approval: page.drawer.approval } : { mode: 'edit', recordId: record.id }}
            onClose={page.closeDrawer}
            onSaved={page.saved}
            onDeleted={page.backToList}
          />
        </Suspense>
      )}
      {relatedList && (
        <RelatedCreateDrawer
          appId={appId}
          list={relatedList}
          parent={{ id: record.id, label: title }}
          onCreated={page.relatedAdded}
          onClose={page.closeDrawer}
        />
      )}
    </div>
  );
}
