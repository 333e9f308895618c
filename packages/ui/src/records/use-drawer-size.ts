import type { ObjectDefinition } from '@tessera/schemas';
import { Grid } from 'antd';
import { useMemo } from 'react';
import { useAppDocument } from '../stores/document-source';
import { drawerWidth } from './drawer-width';

/**
 * The size of a drawer holding a form of `object`: the whole screen on a phone, else wide enough
 * for its widest child table (`drawerWidth`). The one rule of the record drawer and the drawer
 * that adds a related record from a record page.
 */
export function useDrawerSize(object: ObjectDefinition): number | string {
  const document = useAppDocument();
  const isPhone = Grid.useBreakpoint().md === false;
  const width = useMemo(() => drawerWidth(document, object), [document, object]);
  return isPhone ? '100%' : width;
}
