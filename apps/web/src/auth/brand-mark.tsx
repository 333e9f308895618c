/** The Tessera mark: four tiles, one accented — a mosaic built from small pieces. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect x="2" y="2" width="13" height="13" rx="3" fill="#1f6feb" />
      <rect x="17" y="2" width="13" height="13" rx="3" fill="#1f6feb" opacity="0.55" />
      <rect x="2" y="17" width="13" height="13" rx="3" fill="#1f6feb" opacity="0.55" />
      <rect x="17" y="17" width="13" height="13" rx="3" fill="#f59e0b" />
    </svg>
  );
}
