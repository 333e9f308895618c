export * from './app.schema';
export * from './common.schema';
export * from './expr.schema';
export * from './field.schema';
export * from './flow.schema';
export * from './object.schema';
export * from './report.schema';
export * from './time-zone';
