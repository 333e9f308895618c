/**
 * Jaro–Winkler similarity of two strings, 0 (nothing shared) to 1 (equal), by code point so a
 * Chinese character counts as one. Chosen over edit distance because people shorten company
 * names from the end ("字节跳动科技" → "字节跳动") and Winkler's bonus for a shared start keeps
 * such names close, while two names that share only a brand ("华为技术" / "华为终端") stay
 * well apart. Thirty lines, so written here rather than taken from a package.
 */
export function jaroWinkler(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedB = new Array<boolean>(b.length).fill(false);
  const matchesA: string[] = [];
  a.forEach((char, i) => {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (!matchedB[j] && b[j] === char) {
        matchedB[j] = true;
        matchesA.push(char);
        return;
      }
    }
  });
  const m = matchesA.length;
  if (m === 0) return 0;
  const matchesB = b.filter((_, j) => matchedB[j]);
  const transpositions = matchesA.filter((char, k) => char !== matchesB[k]).length / 2;
  const jaro = (m / a.length + m / b.length + (m - transpositions) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
