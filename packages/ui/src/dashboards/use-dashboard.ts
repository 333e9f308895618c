import type { ReportDateRange } from '@tessera/schemas';
import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api/http';
import { type DashboardPayload, type DrillDown, dashboardsApi } from './dashboards-api';

type State = { status: 'loading' } | { status: 'ready'; data: DashboardPayload } | { status: 'failed'; error: unknown };

/** A dashboard's data for the chosen date filter, asked again when the filter changes; and the drill-down the user opened. */
export function useDashboard(appId: string, dashboardId: string, initialRange: ReportDateRange | undefined) {
  const [range, setRange] = useState<ReportDateRange | undefined>(initialRange);
  const [owner, setOwner] = useState<string | undefined>(undefined);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [drill, setDrill] = useState<{ title: string; drill: DrillDown } | null>(null);

  useEffect(() => {
    // A new filter while the last answer is on its way: that answer is dropped.
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    dashboardsApi.data(appId, dashboardId, { dateRange: range, owner, department }, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [appId, dashboardId, range, owner, department, attempt]);

  return {
    state,
    range,
    setRange,
    /** The global filters' values: a person, a department (undefined: not filtered). */
    filters: { dateRange: range, owner, department },
    setOwner,
    setDepartment,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    drill,
    openDrill: useCallback((title: string, target: DrillDown) => setDrill({ title, drill: target }), []),
    closeDrill: useCallback(() => setDrill(null), []),
  };
}
