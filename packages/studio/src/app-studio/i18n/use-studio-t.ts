import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { FIELD_EDITOR_MESSAGES } from './field-editor-messages';
import './field-editor-messages';
import type { FIELD_TYPE_MESSAGES } from './field-type-messages';
import './field-type-messages';
import type { ObjectFormMessage } from './object-form-messages';
import './object-form-messages';
import type { PreviewMessage } from './preview-messages';
import './preview-messages';
import type { StudioMessage } from './studio-messages';
import './studio-messages';

export type StudioKey = StudioMessage | ObjectFormMessage | PreviewMessage | keyof typeof FIELD_TYPE_MESSAGES | keyof typeof FIELD_EDITOR_MESSAGES;
export type StudioT = (key: StudioKey, params?: Record<string, string | number>) => string;

/** The studio's translate function in the admin's language; components re-render when it changes. */
export function useStudioT(): StudioT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<StudioT>((key, params) => translate(locale, key, params), [locale]);
}
