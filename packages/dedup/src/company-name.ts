import { toHalfWidth } from '@tessera/formats';
import { leadingRegion, regionNamed } from './region-names';

/** A company name reduced to what tells companies apart, and the regions it was written with. */
export interface NormalizedCompanyName {
  /** Brand and business without region, legal form, brackets, punctuation or case: "华为技术". */
  key: string;
  /** GB/T 2260 codes of the regions named in a prefix or in brackets (`86` for 中国 or a district). */
  regions: string[];
}

/**
 * Legal forms, longest first so 有限责任公司 goes before 有限公司. 分公司 (a branch) is kept on
 * purpose: a branch is registered on its own, with its own credit code.
 */
const CHINESE_LEGAL_FORMS = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '总公司',
  '集团',
  '公司',
];
const BRANCH = '分公司';
const ENGLISH_LEGAL_FORMS = [
  ['company', 'limited'],
  ['co', 'limited'],
  ['co', 'ltd'],
  ['limited'],
  ['ltd'],
  ['incorporated'],
  ['inc'],
  ['corporation'],
  ['corp'],
  ['llc'],
  ['plc'],
  ['gmbh'],
  ['group'],
  ['company'],
  ['co'],
];

const OPENING = /[【〔「『《〈［{[]/g;
const CLOSING = /[】〕」』》〉］}\]]/g;
const BRACKETED = /\(([^()]*)\)/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

function withoutEnglishForms(tokens: string[]): string[] {
  let changed = true;
  while (changed && tokens.length > 1) {
    changed = false;
    for (const form of ENGLISH_LEGAL_FORMS) {
      const tail = tokens.slice(-form.length);
      if (tokens.length > form.length && tail.join(' ') === form.join(' ')) {
        tokens = tokens.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return tokens;
}

function withoutChineseForms(text: string): string {
  for (let changed = true; changed && !text.endsWith(BRANCH); ) {
    changed = false;
    for (const form of CHINESE_LEGAL_FORMS) {
      if (text.endsWith(form) && text.length > form.length) {
        text = text.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return text;
}

/** Region prefixes ("广东省深圳市") come off while at least two characters of name remain. */
function withoutRegionPrefixes(text: string, regions: string[]): string {
  for (let found = leadingRegion(text); found && text.length - found.name.length >= 2; found = leadingRegion(text)) {
    regions.push(found.code);
    text = text.slice(found.name.length);
  }
  return text;
}

/** Bracketed regions ("(北京)") are set aside; any other bracketed text stays, without its brackets. */
function withoutBracketedRegions(text: string, regions: string[]): string {
  return text.replace(BRACKETED, (_, inside: string) => {
    const compact = inside.replace(NOT_LETTER_OR_DIGIT, '');
    const code = regionNamed(compact);
    if (code) {
      regions.push(code);
      return ' ';
    }
    return ` ${inside} `;
  });
}

/**
 * "某某科技(北京)有限责任公司", "北京市某某科技有限公司" and "某某科技有限公司" all become
 * `{ key: '某某科技' }`: full-width to half-width, case folded, regions in brackets or in front and
 * legal forms (有限公司, 股份有限公司, 集团, Co., Ltd., Inc.) removed, punctuation and spaces dropped.
 * A name that is nothing but a region and a legal form keeps its region as the key.
 */
export function normalizeCompanyName(name: string): NormalizedCompanyName {
  const regions: string[] = [];
  const unified = toHalfWidth(name).replace(OPENING, '(').replace(CLOSING, ')').toLowerCase();
  const tokens = withoutBracketedRegions(unified, regions).replace(NOT_LETTER_OR_DIGIT, ' ').trim().split(' ').filter(Boolean);
  const compact = withoutChineseForms(withoutEnglishForms(tokens).join(''));
  const key = withoutChineseForms(withoutRegionPrefixes(compact, regions));
  return { key: key || compact, regions };
}

/**
 * Whether two names say they are registered in different places: both name a region and
 * neither region lies inside the other (北京 vs 上海; 广东 and 深圳 agree).
 */
export function regionsConflict(a: readonly string[], b: readonly string[]): boolean {
  const specific = (codes: readonly string[]) => codes.filter((c) => c !== '86').map((c) => c.replace(/(00)+$/, ''));
  const left = specific(a);
  const right = specific(b);
  if (left.length === 0 || right.length === 0) return false;
  return !left.some((l) => right.some((r) => l.startsWith(r) || r.startsWith(l)));
}
