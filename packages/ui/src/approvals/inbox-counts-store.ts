import { create } from 'zustand';
import { request } from '../api/http';

export interface InboxCounts {
  todo: number;
  submitted: number;
  unread: number;
}

interface CountsState {
  counts: InboxCounts | null;
  /** Reads the counts again: on a timer, when the window regains focus, after the person acts. */
  refresh: () => Promise<void>;
}

/**
 * How many approvals wait for the signed-in person, for the badge in every header. One store so
 * an action anywhere (the approval page, a batch in the inbox) updates the badge at once. The
 * request is inline rather than through approvals-api: this module is in the first load.
 */
export const useInboxCounts = create<CountsState>((set) => ({
  counts: null,
  refresh: async () => {
    try {
      set({ counts: await request<InboxCounts>('GET', '/api/flows/inbox/counts') });
    } catch {
      // A badge that cannot refresh keeps its last figure; the next tick tries again.
    }
  },
}));
