import type { DashboardWidget, ReportDefinition } from '@tessera/schemas';
import { ErrorState, isAbort, useSessionStore } from '@tessera/ui';
import { WidgetCard, type WidgetPayload } from '@tessera/ui/dashboard-widget';
import { DocumentSourceContext } from '@tessera/ui/document-source';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useStudio } from '../../hooks/studio-context';
import { dashboardApi } from '../api/dashboard-api';
import { useDashboardT } from '../i18n/use-dashboard-t';

/** Edits come in bursts (typing a title, a formula): the preview asks once they pause. */
const SETTLE_MS = 400;

type Preview = { status: 'loading' } | { status: 'ready'; data: WidgetPayload } | { status: 'failed'; error: unknown };

/**
 * The selected widget drawn by the runtime's own widget card, with real data: its draft report
 * run by the server over the published records under the admin's access, nothing written.
 */
export function WidgetPreview({ widget, report }: { widget: DashboardWidget; report: ReportDefinition | null }) {
  const locale = useSessionStore((s) => s.locale);
  // A note has no data to ask for: its text is drawn as the runtime draws it (sanitized in the browser too).
  if (!report)
    return (
      <PreviewFrame>
        <WidgetCard
          widget={widget}
          data={{ id: widget.id, kind: widget.kind, status: 'note', text: widget.text ?? {} }}
          locale={locale}
          onDrill={() => undefined}
        />
      </PreviewFrame>
    );
  return <ReportPreview widget={widget} report={report} />;
}

/** The runtime's widget drawn with the draft's names (a pivot's row and column headers), as the app will show them once published. */
function PreviewFrame({ children }: { children: React.ReactNode }) {
  const t = useDashboardT();
  const draft = useStudio((s) => s.document);
  return (
    <div data-testid="dash-preview">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dash.preview')}
      </Typography.Text>
      <DocumentSourceContext value={draft}>
        <div style={{ height: 320, marginTop: 8 }}>{children}</div>
      </DocumentSourceContext>
    </div>
  );
}

function ReportPreview({ widget, report }: { widget: DashboardWidget; report: ReportDefinition }) {
  const t = useDashboardT();
  const appId = useStudio((s) => s.appId) ?? '';
  const locale = useSessionStore((s) => s.locale);
  const [preview, setPreview] = useState<Preview>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void attempt;
      dashboardApi.preview(appId, widget, report, controller.signal).then(
        (data) => setPreview({ status: 'ready', data }),
        (error: unknown) => {
          if (!isAbort(error)) setPreview({ status: 'failed', error });
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [appId, widget, report, attempt]);
  if (preview.status === 'failed')
    return (
      <div data-testid="dash-preview">
        <ErrorState title={t('dash.previewFailed')} error={preview.error} onRetry={() => setAttempt((n) => n + 1)} />
      </div>
    );
  return (
    <PreviewFrame>
      <WidgetCard widget={widget} data={preview.status === 'ready' ? preview.data : undefined} locale={locale} onDrill={() => undefined} />
    </PreviewFrame>
  );
}
