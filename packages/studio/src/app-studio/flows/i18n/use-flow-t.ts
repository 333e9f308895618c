import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { FlowMessage } from './flow-messages';
import './flow-messages';

export type FlowT = (key: FlowMessage, params?: Record<string, string | number>) => string;

/** The flow designer's translate function in the admin's language. */
export function useFlowT(): FlowT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<FlowT>((key, params) => translate(locale, key, params), [locale]);
}
