/** The server's cap on a signature value (packages/forms, form-value-schema.ts): characters of the data URL. */
export const MAX_SIGNATURE_CHARS = 500_000;

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * A stored signature that may be put into an `<img src>`: a PNG data URL and nothing else, so a
 * value that reached the database some other way cannot point the browser at another address.
 */
export function isPngDataUrl(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SIGNATURE_CHARS && PNG_DATA_URL.test(value);
}

/** Sharper than 3× adds bytes to every saved signature, not detail anyone sees. */
const MAX_RATIO = 3;
const MIN_HEIGHT = 140;
const MAX_HEIGHT = 220;

export interface PadSize {
  /** The canvas's own pixels: what is drawn and saved. */
  width: number;
  height: number;
  /** CSS pixels of the box on the page (its width is the container's). */
  cssHeight: number;
  /** Canvas pixels per CSS pixel: strokes are recorded in CSS pixels and drawn scaled by this. */
  ratio: number;
}

/**
 * The signing area for a container `cssWidth` CSS pixels wide: a signature's shape (2.5 : 1),
 * within a height a phone can spare; drawn at the screen's pixel density so strokes are not blurry.
 */
export function padSize(cssWidth: number, devicePixelRatio: number): PadSize {
  const ratio = Math.min(Math.max(devicePixelRatio || 1, 1), MAX_RATIO);
  const width = Math.max(Math.floor(cssWidth), 1);
  const cssHeight = Math.min(Math.max(Math.round(width / 2.5), MIN_HEIGHT), MAX_HEIGHT);
  return { width: Math.round(width * ratio), height: Math.round(cssHeight * ratio), cssHeight, ratio };
}
