import { describe, expect, it } from 'vitest';
import { isPngDataUrl, MAX_SIGNATURE_CHARS, padSize } from './signature-values';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('signature values', () => {
  it('shows only PNG data URLs', () => {
    expect(isPngDataUrl(PNG)).toBe(true);
    expect(isPngDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isPngDataUrl('https://example.com/sign.png')).toBe(false);
    expect(isPngDataUrl(`${PNG}" onerror="alert(1)`)).toBe(false);
    expect(isPngDataUrl(`data:image/png;base64,${'A'.repeat(MAX_SIGNATURE_CHARS)}`)).toBe(false);
    expect(isPngDataUrl(null)).toBe(false);
  });

  it('sizes the pad for a phone and a desktop drawer at the screen density', () => {
    // A 375 px phone leaves about 327 px for the field: the minimum height, drawn at 3×.
    expect(padSize(327, 3)).toEqual({ width: 981, height: 420, cssHeight: 140, ratio: 3 });
    expect(padSize(500, 2)).toEqual({ width: 1000, height: 400, cssHeight: 200, ratio: 2 });
    expect(padSize(720, 1)).toEqual({ width: 720, height: 220, cssHeight: 220, ratio: 1 });
  });

  it('caps the density and survives a hidden container', () => {
    expect(padSize(300, 4).ratio).toBe(3);
    expect(padSize(300, 0).ratio).toBe(1);
    expect(padSize(0, 2)).toEqual({ width: 2, height: 280, cssHeight: 140, ratio: 2 });
  });
});
