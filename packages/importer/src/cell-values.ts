import type { FieldDefinition } from '@tessera/schemas';
import { type CellValue, isEmptyCell } from './sheet-row';
import { normalizeHeader } from './suggest-mapping';
import { wallClock } from './wall-clock';

/**
 * A cell turned into the value the records API takes for its field, before validation: what a
 * spreadsheet holds (numbers for phone numbers, serial numbers or Date for dates, 是/否 for yes/no,
 * option labels instead of option values) becomes what a form would send. Anything that cannot
 * be read is passed on as text, so the records validator — the one every write goes through —
 * refuses it with its own rule and message. Relations, users and departments come out as the
 * text naming them; `resolve-references.ts` turns that text into ids.
 */
export function cellToValue(field: FieldDefinition, cell: CellValue, timeZone: string): unknown {
  if (isEmptyCell(cell)) return null;
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return typeof cell === 'number'
        ? numberText(cell)
        : typeof cell === 'string'
          ? cell
              .trim()
              .replace(/^[¥￥$]/u, '')
              .replace(/,/g, '')
              .replace(/%$/, '')
          : text(cell);
    case 'date':
      return dateValue(cell);
    case 'datetime':
      return dateTimeValue(cell, timeZone);
    case 'checkbox':
      return yesNo(cell);
    case 'select':
      return optionValue(field, text(cell));
    case 'multi_select':
      return text(cell)
        .split(/[,，;；、|\n]/u)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => optionValue(field, part));
    default:
      return text(cell);
  }
}

/** Integers as digits (a phone number typed as a number: 13812345678, not 1.38e10), others as JS prints them. */
function numberText(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

function text(cell: CellValue): string {
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'number') return numberText(cell);
  return String(cell).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet date has no time zone: exceljs gives its wall clock as UTC. */
function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel's day 1 is 1900-01-01 and counts the 29 February 1900 that never was; from 1 March 1900 on, day 0 is 1899-12-30. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u;

function dateValue(cell: CellValue): unknown {
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'number') return isoDate(excelSerialToDate(cell));
  const t = text(cell);
  const match = DATE_TEXT.exec(t);
  return match ? `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}` : t;
}

const DATETIME_TEXT = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** A wall-clock time in the app's zone, as an instant. */
function zonedInstant(parts: [number, number, number, number, number, number], timeZone: string): string {
  const [y, mo, d, h, mi, s] = parts;
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = wallClock(new Date(guess), timeZone).getTime() - guess;
  return new Date(guess - offset).toISOString();
}

function dateTimeValue(cell: CellValue, timeZone: string): unknown {
  const wall = cell instanceof Date ? cell : typeof cell === 'number' ? excelSerialToDate(cell) : null;
  if (wall) {
    const p: [number, number, number, number, number, number] = [
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
    ];
    return zonedInstant(p, timeZone);
  }
  const t = text(cell);
  const match = DATETIME_TEXT.exec(t);
  if (!match) return t;
  const [, y, mo, d, h, mi, s] = match;
  return zonedInstant([Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)], timeZone);
}

const YES = new Set(['是', '对', '有', 'y', 'yes', 'true', '1', '√', '✓', 'x']);
const NO = new Set(['否', '不', '无', 'n', 'no', 'false', '0', '×', '✗']);

function yesNo(cell: CellValue): unknown {
  if (typeof cell === 'boolean') return cell;
  const t = text(cell).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return t;
}

/**
 * The options of each field by every name they go by (value or label in any language, as
 * `normalizeHeader` compares titles), the first option winning a name two share — built once per
 * field, not per cell: an import of 50,000 rows names an option in every row.
 */
const optionNames = new WeakMap<FieldDefinition, Map<string, string>>();

function namesOf(field: FieldDefinition): Map<string, string> {
  let names = optionNames.get(field);
  if (!names) {
    names = new Map();
    for (const option of field.options ?? []) {
      for (const name of [option.value, ...Object.values(option.label).map(String)]) {
        const key = normalizeHeader(name);
        if (!names.has(key)) names.set(key, option.value);
      }
    }
    optionNames.set(field, names);
  }
  return names;
}

/** An option named by its value or its label in any language; unknown text is left for the validator to refuse. */
function optionValue(field: FieldDefinition, name: string): string {
  return namesOf(field).get(normalizeHeader(name)) ?? name;
}
