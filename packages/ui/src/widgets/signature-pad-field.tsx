import { ClearOutlined } from '@ant-design/icons';
import { Button, Form, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { type FormAriaProps, pickAria } from './form-aria';
import { isPngDataUrl } from './signature-values';
import { useSignaturePad } from './use-signature-pad';

export interface SignatureFieldProps extends FormAriaProps {
  id?: string;
  value?: string | null;
  disabled?: boolean;
  onChange?: (value: string | null) => void;
}

/**
 * Signing with a mouse, pen or finger. A saved signature is shown as its image over the pad until
 * it is cleared: strokes are not kept with the value, so it cannot be drawn on further.
 * In its own chunk, loaded by SignatureInput.
 */
export function SignaturePadField({ id, value, disabled = false, onChange, ...rest }: SignatureFieldProps) {
  const t = useT();
  const pad = useSignaturePad({ value: value ?? null, disabled, onChange });
  const { status } = Form.Item.useStatus();
  const saved = !pad.drawing && isPngDataUrl(value) ? value : null;
  const empty = !pad.drawing && !saved;
  const height = pad.cssHeight ?? 140;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> brings a border, padding and min-width the form item's layout does not want; role="group" names the same thing
    <div id={id} role="group" aria-label={t('widgets.signature.alt')} {...pickAria(rest)} data-testid={id ? `signature-${id}` : undefined}>
      <div
        ref={pad.containerRef}
        style={{
          position: 'relative',
          height,
          border: `1px ${saved || disabled ? 'solid' : 'dashed'} ${status === 'error' ? '#ff4d4f' : '#d9d9d9'}`,
          borderRadius: 6,
          background: disabled ? 'rgba(0, 0, 0, 0.04)' : '#fff',
          overflow: 'hidden',
        }}
      >
        <canvas
          ref={pad.canvasRef}
          aria-label={t('widgets.signature.hint')}
          style={{ display: 'block', width: '100%', height, touchAction: 'none', visibility: saved ? 'hidden' : 'visible' }}
        />
        {saved && (
          <img src={saved} alt={t('widgets.signature.alt')} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'contain' }} />
        )}
        {empty && !disabled && (
          <Typography.Text type="secondary" style={{ position: 'absolute', inset: 'auto 0 8px', textAlign: 'center', pointerEvents: 'none' }}>
            {t('widgets.signature.hint')}
          </Typography.Text>
        )}
      </div>
      {pad.tooLarge && <Typography.Text type="danger">{t('widgets.signature.tooLarge')}</Typography.Text>}
      {!disabled && !empty && (
        <Button size="small" icon={<ClearOutlined />} onClick={pad.clear} style={{ marginTop: 8 }} data-testid={id ? `signature-clear-${id}` : undefined}>
          {t('widgets.signature.clear')}
        </Button>
      )}
    </div>
  );
}
