export * from './common.schema';
export * from './field.schema';
export * from './object.schema';
export * from './app.schema';
export * from './expr.schema';
