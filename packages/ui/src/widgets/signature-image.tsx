import { useT } from '../i18n/use-t';
import { isPngDataUrl } from './signature-values';

const HEIGHT = { cell: 28, page: 120 } as const;

/** A saved signature as an image: a thumbnail in a table, larger on the record page. Anything but a PNG data URL shows nothing. */
export function SignatureImage({ value, size }: { value: unknown; size: keyof typeof HEIGHT }) {
  const t = useT();
  if (!isPngDataUrl(value)) return null;
  return (
    <img
      src={value}
      alt={t('widgets.signature.alt')}
      data-testid={`signature-image-${size}`}
      style={{ display: 'block', height: HEIGHT[size], maxWidth: '100%', objectFit: 'contain', objectPosition: 'left center' }}
    />
  );
}
