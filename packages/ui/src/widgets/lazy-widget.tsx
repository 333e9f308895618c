import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode, Suspense } from 'react';
import { useT } from '../i18n/use-t';

function LoadFailed() {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('widgets.loadFailed')}
      action={
        <Button size="small" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

/**
 * Keeps a failed input to itself. A class because React offers error boundaries only as classes.
 * A lazy chunk that cannot be fetched (a deploy replaced it, the network dropped) would otherwise
 * reach the shell's boundary and blank the whole page with the rest of the form.
 */
class WidgetBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Widget failed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/** An input loaded in its own chunk: `loading` until it arrives, a message if it never does. */
export function LazyWidget({ loading, children }: { loading: ReactNode; children: ReactNode }) {
  return (
    <WidgetBoundary>
      <Suspense fallback={loading}>{children}</Suspense>
    </WidgetBoundary>
  );
}
