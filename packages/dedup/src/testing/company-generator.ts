import { USCC_ALPHABET, usccCheckChar } from '@tessera/formats';

/**
 * Seeded company data with known truth, for measuring duplicate detection: each company is
 * entered once, some again through another channel (the name spelled another way, a contact
 * written another way), and beside them hard negatives — the same brand in another business
 * (华为技术 / 华为终端) or the same company's branch in another city, often sharing the group's
 * switchboard. Every record carries the id of the company it stands for.
 */
export interface GeneratedCompany {
  id: string;
  company: string;
  values: { name: string; phone: string | null; email: string | null; credit_code: string | null };
}

export interface GeneratedDataset {
  records: GeneratedCompany[];
  /** Pairs of record ids that are the same company ("a\u0000b", a < b). */
  duplicatePairs: Set<string>;
  /** Pairs that share a brand or a switchboard but are different companies. */
  hardNegativePairs: Set<string>;
}

export interface GeneratorOptions {
  seed: number;
  companies: number;
  /** Share of companies entered twice (or three times). */
  duplicateShare?: number;
  /** Share of companies with a namesake in another business. */
  hardNegativeShare?: number;
}

/** mulberry32: small, seeded, good enough to make test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRAND_CHARS = [...'华为腾讯星辰蓝海金盛恒泰鼎鑫瑞达博远天宇和新源智汇安康宏兴嘉诚信德仁卓越凯锐佳豪立丰俊晟昊卓航致远欣荣东方万通正道启明'];
const BUSINESSES = [
  '科技',
  '技术',
  '信息技术',
  '网络科技',
  '电子',
  '软件',
  '商贸',
  '物流',
  '建筑工程',
  '生物医药',
  '医疗器械',
  '食品',
  '文化传媒',
  '教育咨询',
  '环保科技',
  '新能源',
  '汽车服务',
  '投资管理',
  '终端',
  '通信设备',
  '电气',
  '化工',
  '机械制造',
  '餐饮管理',
  '实业',
];
const LEGAL_FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];
/** Province, city (its short name), or a municipality alone. */
const PLACES: readonly [string | null, string, string][] = [
  [null, '北京市', '北京'],
  [null, '上海市', '上海'],
  [null, '重庆市', '重庆'],
  ['广东省', '深圳市', '深圳'],
  ['广东省', '广州市', '广州'],
  ['浙江省', '杭州市', '杭州'],
  ['江苏省', '南京市', '南京'],
  ['四川省', '成都市', '成都'],
  ['湖北省', '武汉市', '武汉'],
];

type Place = (typeof PLACES)[number];

interface Company {
  brand: string;
  business: string;
  place: Place;
  phone: string;
  email: string;
  creditCode: string;
}

export function generateCompanies(options: GeneratorOptions): GeneratedDataset {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const usedBrands = new Set<string>();
  const brand = (): string => {
    for (;;) {
      const length = next() < 0.6 ? 2 : 3;
      const text = Array.from({ length }, () => pick(BRAND_CHARS)).join('');
      if (!usedBrands.has(text)) {
        usedBrands.add(text);
        return text;
      }
    }
  };
  let serial = 0;
  const mobile = () => `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(next() * 1e9)).padStart(9, '0')}`;
  const creditCode = () => {
    const body = `91${Array.from({ length: 15 }, () => pick([...USCC_ALPHABET])).join('')}`;
    return body + usccCheckChar(body);
  };
  const company = (overrides: Partial<Company> = {}): Company => {
    serial += 1;
    return {
      brand: brand(),
      business: pick(BUSINESSES),
      place: pick(PLACES),
      phone: mobile(),
      email: `info${serial}@corp${serial}.com.cn`,
      creditCode: creditCode(),
      ...overrides,
    };
  };
  const records: GeneratedCompany[] = [];
  const add = (companyId: string, values: GeneratedCompany['values']) => {
    const id = `r${String(records.length).padStart(6, '0')}`;
    records.push({ id, company: companyId, values });
    return id;
  };
  const spell = (c: Company) => spellName(c, next, pick);
  const duplicatePairs = new Set<string>();
  const hardNegativePairs = new Set<string>();
  const pair = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

  for (let n = 0; n < options.companies; n++) {
    const original = company();
    const companyId = `c${n}`;
    const first = add(companyId, { name: spell(original), phone: original.phone, email: original.email, credit_code: original.creditCode });
    const copies = next() < (options.duplicateShare ?? 0.25) ? (next() < 0.2 ? 2 : 1) : 0;
    const ids = [first];
    for (let k = 0; k < copies; k++) ids.push(add(companyId, reenteredContacts(original, spell(original), next, mobile)));
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) duplicatePairs.add(pair(ids[i]!, ids[j]!));
    if (next() < (options.hardNegativeShare ?? 0.25)) {
      // Same brand, another business, or the same business's branch in another city.
      const sibling =
        next() < 0.7
          ? company({ brand: original.brand, business: pick(BUSINESSES.filter((b) => b !== original.business)), place: original.place })
          : company({ brand: original.brand, business: original.business, place: pick(PLACES.filter((p) => p !== original.place)) });
      const branchOf = sibling.business === original.business;
      // A sister company often answers on the group's switchboard; a branch has its own number.
      const sharesSwitchboard = !branchOf && next() < 0.4;
      const name = branchOf ? bracketed(sibling, pick) : spell(sibling);
      const siblingId = add(`c${n}-sibling`, {
        name,
        phone: sharesSwitchboard ? original.phone : sibling.phone,
        email: sibling.email,
        credit_code: sibling.creditCode,
      });
      if (branchOf) records.find((r) => r.id === first)!.values.name = bracketed(original, pick);
      hardNegativePairs.add(pair(first, siblingId));
    }
  }
  return { records, duplicatePairs, hardNegativePairs };
}

/** The company's name with its city in brackets, the way branches are registered. */
function bracketed(c: Company, pick: <T>(list: readonly T[]) => T): string {
  return `${c.brand}${c.business}(${c.place[2]})${pick(LEGAL_FORMS)}`;
}

/** One way a person might write the company's name: region in front or in brackets or none, any legal form, sometimes full-width or with stray punctuation. */
function spellName(c: Company, next: () => number, pick: <T>(list: readonly T[]) => T): string {
  const [province, city, short] = c.place;
  const form = pick(LEGAL_FORMS);
  const style = Math.floor(next() * 5);
  let name =
    style === 0
      ? `${c.brand}${c.business}${form}`
      : style === 1
        ? `${city}${c.brand}${c.business}${form}`
        : style === 2
          ? `${province ?? ''}${city}${c.brand}${c.business}${form}`
          : style === 3
            ? `${c.brand}${c.business}（${short}）${form}`
            : `${short}${c.brand}${c.business}${form}`;
  if (next() < 0.15) name = ` ${name.replace(/\(/g, '（').replace(/\)/g, '）')} `;
  if (next() < 0.1) name = name.replace(c.business, ` ${c.business}·`);
  if (next() < 0.02 && c.brand.length >= 3) name = name.replace(c.brand, c.brand.slice(0, -1) + pick(BRAND_CHARS));
  return name;
}

/** The same company entered again: the same phone or e-mail written another way, the other one new or missing. */
function reenteredContacts(c: Company, name: string, next: () => number, mobile: () => string): GeneratedCompany['values'] {
  const shared = next();
  const phone = shared < 0.5 || shared >= 0.8 ? respell(c.phone, next) : next() < 0.5 ? mobile() : null;
  const email = shared >= 0.5 ? (next() < 0.5 ? c.email.toUpperCase() : ` ${c.email}`) : null;
  return { name, phone, email, credit_code: next() < 0.2 ? c.creditCode.toLowerCase() : null };
}

function respell(phone: string, next: () => number): string {
  const style = Math.floor(next() * 4);
  if (style === 0) return `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  if (style === 1) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (style === 2) return [...phone].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
  return phone;
}
