export { type BackupSummary, listBackups, type Manifest, readManifest } from './manifest';
export { type RestoreOptions, RestoreRefused, type RestoreReport, restoreBackup } from './restore-backup';
export { applyRetention, type Retention } from './retention';
export {
  BACKUP_QUEUE,
  type BackupSettings,
  backupSettingsFromEnv,
  nextSlot,
  registerBackupJobs,
  requestBackup,
  scheduleNextBackup,
} from './schedule';
export { type BackupOptions, writeBackup } from './write-backup';
