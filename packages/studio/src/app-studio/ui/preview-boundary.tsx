import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';

interface PreviewBoundaryProps {
  /** What the preview draws from: a new one (the next edit) tries again. */
  resetOn: unknown;
  message: string;
  children: ReactNode;
}

interface PreviewBoundaryState {
  failed: boolean;
  resetOn: unknown;
}

/** A half-built draft may not render (a relation to nothing, say): the preview says so instead of taking the studio down. */
export class PreviewBoundary extends Component<PreviewBoundaryProps, PreviewBoundaryState> {
  override state: PreviewBoundaryState = { failed: false, resetOn: this.props.resetOn };

  static getDerivedStateFromError(): Partial<PreviewBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: PreviewBoundaryProps, state: PreviewBoundaryState): Partial<PreviewBoundaryState> | null {
    return props.resetOn === state.resetOn ? null : { failed: false, resetOn: props.resetOn };
  }

  override render() {
    return this.state.failed ? <Alert type="info" showIcon title={this.props.message} /> : this.props.children;
  }
}
