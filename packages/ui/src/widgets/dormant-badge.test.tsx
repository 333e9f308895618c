import type { ObjectDefinition } from '@tessera/schemas';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../api/types';
import { DormantBadge } from './dormant-badge';

const customer: ObjectDefinition = { id: 'customer', label: { en: 'Customer' }, fields: [], quality: { dormantAfterDays: 180 } };
const record = (dormant: boolean | undefined) => ({ id: 'r1', version: 1, ...(dormant === undefined ? {} : { _dormant: dormant }) }) as RecordData;

describe('DormantBadge', () => {
  it('marks a record the server flags as dormant, and nothing else', () => {
    const { rerender } = render(<DormantBadge object={customer} record={record(true)} />);
    expect(screen.getByTestId('dormant-badge')).toBeTruthy();
    rerender(<DormantBadge object={customer} record={record(false)} />);
    expect(screen.queryByTestId('dormant-badge')).toBeNull();
    rerender(<DormantBadge object={customer} record={record(undefined)} />);
    expect(screen.queryByTestId('dormant-badge')).toBeNull();
  });
});
