import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo } from 'react';
import { useT } from '../i18n/use-t';
import { isRefusedQuery } from '../list-view/list-link';
import { useSessionStore } from '../stores/session-store';
import { initialOrder, kanbanOrders, orderKey, sortOfKey } from './kanban-order';
import { summedField } from './kanban-totals';
import type { BoardQuery } from './use-kanban-board';
import { useViewFilters } from './use-view-filters';
import type { ViewChoice } from './view-choice';

/**
 * What a kanban board shows, chosen as on the list: the list's view and filters (kept in the
 * address, ADR 0075, so switching between list and board keeps them), its quick search, and
 * an order the user sees and picks, kept with the view when it is saved. The board sums the first amount the reader may see.
 */
export function useBoardQuery(appId: string, object: ObjectDefinition, onLayout?: (layout: ViewChoice) => void) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { scope, views, search, filters } = useViewFilters(appId, object, onLayout);
  const hidden = useMemo(() => new Set(scope.access.hiddenFields), [scope.access.hiddenFields]);
  const orders = useMemo(() => kanbanOrders(object, hidden, locale, t), [object, hidden, locale, t]);
  // The order the user chose is part of the view (a saved view keeps it); else the view's own sort, when the board offers it.
  const { cardOrder, sort: viewSort } = views.state;
  const order = initialOrder(orders, cardOrder ? [cardOrder] : viewSort);
  const { setCardOrder, current } = views;
  const setOrderKey = useCallback(
    (key: string) => {
      // Back to the order the view already shows by itself: no change to save.
      const saved = current.state;
      const same = saved.cardOrder ? orderKey(saved.cardOrder) === key : initialOrder(orders, saved.sort).key === key;
      setCardOrder(same ? saved.cardOrder : sortOfKey(key)[0]!);
    },
    [setCardOrder, current.state, orders],
  );
  // From the key, not the option: a language switch relabels the options without reloading the board.
  const sort = useMemo(() => sortOfKey(order.key), [order.key]);
  const sumField = useMemo(() => summedField(object, hidden), [object, hidden]);

  const query = useMemo((): BoardQuery | null => (filters ? { filters, sort, sumField } : null), [filters, sort, sumField]);

  return { scope, views, search, orders, order, setOrderKey, query };
}

/** A link's filters the server refused (a value that no longer fits): back to the view, saying why. */
export function useRefusedLink(errors: readonly unknown[], refuseLink: () => void): void {
  const refused = errors.some(isRefusedQuery);
  useEffect(() => {
    if (refused) refuseLink();
  }, [refused, refuseLink]);
}
