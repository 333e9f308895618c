import type { AppDocument } from '@tessera/schemas';
import { createContext, useContext } from 'react';
import { useCurrentAppStore } from './current-app-store';

/**
 * The document the runtime renders from. By default the live (published) app of the current app
 * store; a provider hands the renderers another one — the studio's draft — so what an admin
 * previews is drawn by the same components end users get.
 */
export const DocumentSourceContext = createContext<AppDocument | null>(null);

export function useAppDocument(): AppDocument | null {
  const provided = useContext(DocumentSourceContext);
  const live = useCurrentAppStore((s) => s.document);
  return provided ?? live;
}
