// @vitest-environment happy-dom
// (the API client reads the browser's language when it loads)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DirectoryDepartment, departmentApi } from './department-api';
import { departmentsChanged, FRESH_MS, requestDepartments, useDepartmentsStore } from './department-names';

const sales: DirectoryDepartment = { id: 's', name: '销售部', parentId: null };
const east: DirectoryDepartment = { id: 'e', name: '华东区', parentId: 's' };

/** Resolves when the fetch in flight has landed in the store: loaded, refreshed, or failed. */
const settled = () =>
  new Promise<void>((resolve) => {
    const inFlight = (state: ReturnType<typeof useDepartmentsStore.getState>) => state.status === 'loading' || state.refreshing;
    if (!inFlight(useDepartmentsStore.getState())) {
      resolve();
      return;
    }
    const stop = useDepartmentsStore.subscribe((state) => {
      if (inFlight(state)) return;
      stop();
      resolve();
    });
  });

describe('the shared department tree', () => {
  let list: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    useDepartmentsStore.setState({ status: 'idle', departments: [], byId: new Map(), loadedAt: 0, refreshing: false });
    list = vi.spyOn(departmentApi, 'list').mockResolvedValue([sales]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads once on first use, however many cells ask', async () => {
    requestDepartments();
    requestDepartments();
    await settled();
    requestDepartments();
    expect(list).toHaveBeenCalledTimes(1);
    expect(useDepartmentsStore.getState().byId.get('s')?.name).toBe('销售部');
  });

  it('refreshes a tree older than asked, keeping the old one on screen meanwhile', async () => {
    requestDepartments();
    await settled();
    requestDepartments(FRESH_MS);
    expect(list).toHaveBeenCalledTimes(1); // still fresh

    useDepartmentsStore.setState({ loadedAt: Date.now() - FRESH_MS - 1 });
    list.mockResolvedValue([sales, east]);
    requestDepartments(FRESH_MS);
    requestDepartments(FRESH_MS); // one refresh at a time
    expect(list).toHaveBeenCalledTimes(2);
    expect(useDepartmentsStore.getState()).toMatchObject({ status: 'loaded', refreshing: true });
    expect(useDepartmentsStore.getState().byId.has('e')).toBe(false);
    await settled();
    expect(useDepartmentsStore.getState()).toMatchObject({ status: 'loaded', refreshing: false });
    expect(useDepartmentsStore.getState().byId.get('e')?.name).toBe('华东区');
  });

  it('keeps the tree it has when a refresh fails, and tries again next time', async () => {
    requestDepartments();
    await settled();
    list.mockRejectedValue(new Error('offline'));
    departmentsChanged();
    await settled();
    expect(useDepartmentsStore.getState()).toMatchObject({ status: 'loaded', refreshing: false });
    expect(useDepartmentsStore.getState().departments).toEqual([sales]);
    departmentsChanged();
    expect(list).toHaveBeenCalledTimes(3);
  });

  it('fetches again after an administrator’s change only when a tree is on hand', () => {
    departmentsChanged();
    expect(list).not.toHaveBeenCalled();
  });
});
