export { cancelJob, enqueue, type NewJob } from './enqueue';
export {
  createJobRunner,
  JOBS_CHANNEL,
  type Job,
  type JobRunner,
  type JobRunnerOptions,
  type LeasedHandler,
  type LeasedJobContext,
  type TransactionalHandler,
} from './job-runner';
