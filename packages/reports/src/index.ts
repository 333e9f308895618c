export { reportServed, seesAudience, type Viewer, visibleWidgets } from './audience';
export { compileReport, type PlannedDimension, type PlannedMeasure, type ReportPlan } from './compile-report';
export { bucketRange, previousRange, type ResolvedRange, resolveRange, sameRangeLastYear, startOfLocalDay } from './date-range';
export { type GlobalFilterValues, withGlobalFilters } from './global-filters';
export type { PivotCell, PivotLine, PivotTable } from './pivot-table';
export { ReportError, type ReportErrorCode } from './report-error';
export type { DrillDown, ReportKey, ReportResult, ReportRow } from './report-result';
export {
  createReportService,
  type DashboardData,
  type DashboardRequest,
  type ReportAnswer,
  type ReportRequest,
  type ReportService,
  type ReportServiceOptions,
  type WidgetData,
} from './report-service';
export { pivotGridTable, widgetTable } from './widget-table';
