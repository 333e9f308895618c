import { useCallback, useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { MAX_SIGNATURE_CHARS, padSize } from './signature-values';

interface SignaturePadOptions {
  value: string | null;
  disabled: boolean;
  onChange: ((value: string | null) => void) | undefined;
}

/**
 * A signature_pad on a canvas that fills its container's width. The canvas is sized in device
 * pixels (sharp on a phone) and refitted when the container resizes (a drawer opening, a phone
 * turned), redrawing the strokes so far. Each finished stroke sends the whole signature as a PNG
 * data URL; a value set from outside (a restored draft, a reset) clears what was drawn here.
 */
export function useSignaturePad({ value, disabled, onChange }: SignaturePadOptions) {
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const sent = useRef<string | null>(value);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [cssHeight, setCssHeight] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);

  const emit = useCallback((next: string | null) => {
    sent.current = next;
    changed.current?.(next);
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    const canvas = canvasRef.current;
    if (!container || !canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#1f1f1f', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;

    const fitCanvas = () => {
      const size = padSize(container.clientWidth, window.devicePixelRatio);
      setCssHeight(size.cssHeight);
      if (canvas.width === size.width && canvas.height === size.height) return;
      const strokes = pad.toData();
      canvas.width = size.width;
      canvas.height = size.height;
      // Resizing resets the context: strokes are in CSS pixels, so draw them scaled to the device's.
      canvas.getContext('2d')?.scale(size.ratio, size.ratio);
      pad.fromData(strokes);
    };
    fitCanvas();
    const observer = new ResizeObserver(fitCanvas);
    observer.observe(container);

    const begin = () => {
      setDrawing(true);
      setTooLarge(false);
    };
    const end = () => {
      const png = pad.isEmpty() ? null : pad.toDataURL('image/png');
      const fits = png === null || png.length <= MAX_SIGNATURE_CHARS;
      setTooLarge(!fits);
      emit(fits ? png : null);
    };
    pad.addEventListener('beginStroke', begin);
    pad.addEventListener('endStroke', end);
    return () => {
      observer.disconnect();
      pad.removeEventListener('beginStroke', begin);
      pad.removeEventListener('endStroke', end);
      pad.off();
      padRef.current = null;
    };
  }, [emit]);

  useEffect(() => {
    if (disabled) padRef.current?.off();
    else padRef.current?.on();
  }, [disabled]);

  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    padRef.current?.clear();
    setDrawing(false);
    setTooLarge(false);
  }, [value]);

  const clear = useCallback(() => {
    padRef.current?.clear();
    setDrawing(false);
    setTooLarge(false);
    emit(null);
  }, [emit]);

  return { containerRef, canvasRef, cssHeight, drawing, tooLarge, clear };
}
