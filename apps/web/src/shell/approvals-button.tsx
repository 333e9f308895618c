import { AuditOutlined, BellOutlined } from '@ant-design/icons';
import { useAuthStore, useInboxCounts, useRouteStore } from '@tessera/ui';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';

// The bell's list loads when first opened: a first visit downloads none of it.
const NotificationList = lazy(() => import('@tessera/ui/notifications').then((m) => ({ default: m.NotificationList })));

/** How often the badges are read again while the page is open (also on focus and after an action). */
const REFRESH_MS = 60_000;

/** Keeps the inbox counts fresh while someone is signed in. */
function useCountsRefresh(): void {
  const signedIn = useAuthStore((s) => s.me !== null);
  useEffect(() => {
    if (!signedIn) return;
    const refresh = () => void useInboxCounts.getState().refresh();
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [signedIn]);
}

/**
 * The header's way into approvals: the inbox with how many wait for me, and the bell with my
 * unread notifications. In every header, so a decision waiting is never more than a glance away.
 */
export function ApprovalsButton({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const navigate = useRouteStore((s) => s.navigate);
  const counts = useInboxCounts((s) => s.counts);
  const [open, setOpen] = useState(false);
  useCountsRefresh();
  return (
    <>
      <Badge count={counts?.todo ?? 0} size="small" offset={[-6, 4]}>
        <Button
          type="text"
          icon={<AuditOutlined />}
          onClick={() => navigate({ name: 'approvals', box: 'todo' })}
          aria-label={t('approvals.title')}
          data-testid="header-approvals"
        >
          {compact ? null : t('approvals.title')}
        </Button>
      </Badge>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        destroyOnHidden
        content={
          <Suspense fallback={<Spin />}>
            <NotificationList onNavigate={() => setOpen(false)} />
          </Suspense>
        }
      >
        <Badge count={counts?.unread ?? 0} size="small" offset={[-6, 4]}>
          <Button type="text" icon={<BellOutlined />} aria-label={t('approvals.notifications')} data-testid="header-notifications" />
        </Badge>
      </Popover>
    </>
  );
}
