import type { FieldDefinition } from '@tessera/schemas';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session-store';
import { RegionCascader } from './region-cascader';

/** A slice of the region table as /api/regions serves it, towns of 东莞市 included. */
const LEVELS: Record<string, { code: string; name: string }[]> = {
  86: [
    { code: '110000', name: '北京市' },
    { code: '440000', name: '广东省' },
  ],
  110000: [{ code: '110100', name: '市辖区' }],
  110100: [{ code: '110101', name: '东城区' }],
  440000: [
    { code: '440300', name: '深圳市' },
    { code: '441900', name: '东莞市' },
  ],
  440300: [{ code: '440305', name: '南山区' }],
  441900: [
    { code: '441900003', name: '东城街道' },
    { code: '441900004', name: '南城街道' },
  ],
};

const asked: string[] = [];

beforeEach(() => {
  useSessionStore.getState().setLocale('zh-CN');
  asked.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const parent = new URL(url, 'http://localhost').searchParams.get('parent') ?? '86';
      asked.push(parent);
      return new Response(JSON.stringify(LEVELS[parent] ?? []), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const area: FieldDefinition = { id: 'area', type: 'region', label: { en: 'Area' } };

/** Holds the value as the form store does, and records what the widget reports. */
function Harness({ initial, label, changes }: { initial: string | null; label?: string; changes: (string | null)[] }) {
  const [value, setValue] = useState(initial);
  return (
    <RegionCascader
      field={area}
      currentLabel={label}
      id="area"
      value={value}
      onChange={(next) => {
        changes.push(next);
        setValue(next);
      }}
    />
  );
}

const menuItem = (name: string) => [...document.querySelectorAll<HTMLElement>('.ant-cascader-menu-item')].find((item) => item.textContent === name) ?? null;
// happy-dom runs no CSS animations, so a closed menu stays in the page, leaving: ask the select.
const menuOpen = () => document.querySelector('#area')?.closest('.ant-cascader')?.classList.contains('ant-select-open') ?? false;
const shown = () =>
  document.querySelector('#area')?.closest('.ant-cascader')?.querySelector('.ant-select-content, .ant-select-selection-item')?.textContent ?? '';

async function openMenu() {
  const selector = document.querySelector('#area')!.closest('.ant-cascader')!;
  await act(async () => {
    fireEvent.mouseDown(selector);
  });
}

async function pick(name: string) {
  await waitFor(() => expect(menuItem(name)).not.toBeNull());
  await act(async () => {
    fireEvent.click(menuItem(name)!);
  });
}

describe('the region cascader of a record form', () => {
  it('picks a city without districts in one click, never offering its towns', async () => {
    const changes: (string | null)[] = [];
    render(<Harness initial={null} changes={changes} />);
    await openMenu();
    await pick('广东省');
    await pick('东莞市');
    await waitFor(() => expect(changes).toEqual(['441900']));
    expect(asked).toContain('441900');
    expect(menuItem('东城街道')).toBeNull();
    expect(document.body.textContent).not.toContain('南城街道');
    await waitFor(() => expect(menuOpen()).toBe(false));
    await waitFor(() => expect(shown()).toBe('广东省 东莞市'));
  });

  it('still goes down to a district, and through the 市辖区 level of a municipality', async () => {
    const changes: (string | null)[] = [];
    render(<Harness initial={null} changes={changes} />);
    await openMenu();
    await pick('广东省');
    await pick('深圳市');
    // An opened city with districts is no pick: only the district is.
    expect(changes).toEqual([]);
    await pick('南山区');
    expect(changes).toEqual(['440305']);

    // Browsing away from the value: the levels loaded on the way must not pull the menu back to it.
    await openMenu();
    await pick('北京市');
    await pick('市辖区');
    expect(changes).toEqual(['440305']);
    await pick('东城区');
    expect(changes).toEqual(['440305', '110101']);
  });

  it('shows a stored city without districts by its names, and as selected once the menu opens', async () => {
    const changes: (string | null)[] = [];
    render(<Harness initial="441900" label="广东省 东莞市" changes={changes} />);
    expect(shown()).toBe('广东省 东莞市');
    await openMenu();
    await waitFor(() => expect(menuItem('东莞市')?.className).toMatch(/ant-cascader-menu-item-active/));
    expect(shown()).toBe('广东省 东莞市');
    // Its level was not needed to show it: the towns were never asked for.
    expect(asked).toEqual(['86', '440000']);
    expect(changes).toEqual([]);
  });
});
