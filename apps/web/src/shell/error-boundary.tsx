import { translate, useSessionStore } from '@tessera/ui';
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * The last line against a blank page: a render error shows a result with a reload button.
 * A class because React still offers error boundaries only as class components.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const locale = useSessionStore.getState().locale;
    return (
      <Result
        status="error"
        title={translate(locale, 'error.unexpected', { status: this.state.error.message })}
        extra={<Button onClick={() => window.location.reload()}>{translate(locale, 'common.reload')}</Button>}
      />
    );
  }
}
