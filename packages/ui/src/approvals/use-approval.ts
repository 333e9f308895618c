import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api/http';
import { type ApprovalAction, approvalsApi, type InstanceView } from './approvals-api';
import { useInboxCounts } from './inbox-counts-store';

type State = { status: 'loading' | 'ready' | 'failed'; view: InstanceView | null; error: unknown };

/**
 * One approval as the signed-in person sees it. An action answers with the approval as it
 * stands after it, which replaces the shown one without a reload (and without a flash of
 * loading); `changed` counts the changes so the page around it can refresh the record.
 */
export function useApproval(instanceId: string | null) {
  const [state, setState] = useState<State>({ status: 'loading', view: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [changed, setChanged] = useState(0);

  useEffect(() => {
    if (!instanceId) return;
    const controller = new AbortController();
    setState((current) => (current.view?.id === instanceId ? current : { status: 'loading', view: null, error: null }));
    approvalsApi.instance(instanceId, controller.signal).then(
      (view) => setState({ status: 'ready', view, error: null }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', view: null, error });
      },
    );
    return () => controller.abort();
  }, [instanceId, attempt]);

  const act = useCallback(
    async (action: ApprovalAction, key: string) => {
      if (!instanceId) return;
      const view = await approvalsApi.act(instanceId, action, key);
      setState({ status: 'ready', view, error: null });
      setChanged((n) => n + 1);
      void useInboxCounts.getState().refresh();
    },
    [instanceId],
  );

  return { ...state, act, changed, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}

export type ApprovalHandle = ReturnType<typeof useApproval>;
