import { PaperClipOutlined } from '@ant-design/icons';
import { Timeline, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { useUserNames } from '../record-page/use-page-frame';
import { useSessionStore } from '../stores/session-store';
import { historyAttachments, historyComment, historyLine } from './approval-texts';
import { type InstanceView, instanceFileUrl } from './approvals-api';

/** Quiet lines a person does not need in the story of an approval. */
const TECHNICAL = new Set(['branched', 'joined', 'woke']);

/** Who did what, when, with their comments, oldest first. */
export function ApprovalTimeline({ view, formatTime }: { view: InstanceView; formatTime: (iso: string) => string }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const userName = useUserNames();
  const nameOf = (id: string) => userName(id);
  const entries = view.history.filter((entry) => !TECHNICAL.has(entry.kind));
  return (
    <div data-testid="approval-history">
      <Typography.Text strong>{t('approvals.history')}</Typography.Text>
      <Timeline
        style={{ marginTop: 12 }}
        items={entries.map((entry, index) => {
          const comment = historyComment(entry);
          const files = historyAttachments(entry);
          return {
            key: `${entry.at}:${index}`,
            color:
              entry.kind === 'rejected' || entry.kind === 'node_rejected'
                ? 'red'
                : entry.kind === 'approved' || entry.kind === 'node_approved'
                  ? 'green'
                  : 'blue',
            content: (
              <div data-testid="approval-history-entry">
                <div>{historyLine(entry, { t, locale, view, nameOf, formatTime })}</div>
                {comment && <Typography.Paragraph className="approval-comment">“{comment}”</Typography.Paragraph>}
                {files.length > 0 && (
                  <ul className="approval-attachments" aria-label={t('approvals.attachments')} style={{ listStyle: 'none', padding: 0, margin: '0 0 4px' }}>
                    {files.map((file) => (
                      <li key={file.id}>
                        <a href={instanceFileUrl(view.id, file.id)} target="_blank" rel="noreferrer" data-testid="approval-attachment">
                          <PaperClipOutlined /> {file.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(entry.at)}
                </Typography.Text>
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
