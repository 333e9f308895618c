import { createContext, useContext } from 'react';

/** The nodes the last simulation went through (branches taken included), for the canvas to mark; set by the simulation panel. */
export interface SimulatedPath {
  nodes: ReadonlySet<string>;
  show: (nodes: ReadonlySet<string>) => void;
}

export const SimulatedPathContext = createContext<SimulatedPath>({ nodes: new Set(), show: () => {} });

export function useSimulatedPath(): SimulatedPath {
  return useContext(SimulatedPathContext);
}
