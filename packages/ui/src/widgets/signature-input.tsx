import { lazy } from 'react';
import { useT } from '../i18n/use-t';
import { LazyWidget } from './lazy-widget';
import type { SignatureFieldProps } from './signature-pad-field';

// signature_pad loads only when a form shows a signature field.
const SignaturePadField = lazy(() => import('./signature-pad-field').then((m) => ({ default: m.SignaturePadField })));

function SignatureLoading() {
  const t = useT();
  return (
    <div style={{ height: 140, border: '1px dashed #d9d9d9', borderRadius: 6, padding: '8px 11px', color: 'rgba(0, 0, 0, 0.25)' }}>{t('widgets.loading')}</div>
  );
}

/** The signature field of a form (field-widget.tsx): the lazily loaded signing pad. */
export function SignatureInput(props: SignatureFieldProps) {
  return (
    <LazyWidget loading={<SignatureLoading />}>
      <SignaturePadField {...props} />
    </LazyWidget>
  );
}
