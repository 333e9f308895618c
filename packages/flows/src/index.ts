export { type Reduction, reduce } from './engine/reduce';
export { FlowError, type FlowErrorCode } from './flow-error';
export { buildGraph, type FlowGraph, MAIN, parallelPath } from './flow-graph';
export type { FlowCommand, FlowEffect, FlowEnvironment, FlowHistoryEntry } from './flow-step';
export { type ApprovalState, type InstanceState, type InstanceStatus, initialState, type Seat, type SeatStatus, type Token } from './instance-state';
