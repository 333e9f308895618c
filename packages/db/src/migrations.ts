import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { metadataStoreMigration } from './migrations/0001-metadata-store';
import { identityAndAuditMigration } from './migrations/0002-identity-and-audit';
import { apiTokenScopeMigration } from './migrations/0003-api-token-scope';
import { formDraftsMigration } from './migrations/0004-form-drafts';
import { filesMigration } from './migrations/0005-files';
import { savedViewsMigration } from './migrations/0006-saved-views';
import { recordCommentsMigration } from './migrations/0007-record-comments';
import { recordEventsMigration } from './migrations/0008-record-events';
import { identityNotificationsMigration } from './migrations/0009-identity-notifications';
import { jobsMigration } from './migrations/0010-jobs';
import { flowsMigration } from './migrations/0011-flows';
import { flowWebhooksMigration } from './migrations/0012-flow-webhooks';
import { flowDelegationsMigration } from './migrations/0013-flow-delegations';
import { importsMigration } from './migrations/0014-imports';
import { recordMergesMigration } from './migrations/0015-record-merges';
import { signInThrottleMigration } from './migrations/0016-sign-in-throttle';
import { appNotificationsMigration } from './migrations/0017-app-notifications';
import { commentEditsMigration } from './migrations/0018-comment-edits';

/**
 * System schema migrations, one file each under migrations/, applied in the order of their
 * names. Append only: a shipped migration is never edited, and a new one takes the next number.
 */
const migrations: Record<string, Migration> = {
  '0001_metadata_store': metadataStoreMigration,
  '0002_identity_and_audit': identityAndAuditMigration,
  '0003_api_token_scope': apiTokenScopeMigration,
  '0004_form_drafts': formDraftsMigration,
  '0005_files': filesMigration,
  '0006_saved_views': savedViewsMigration,
  '0007_record_comments': recordCommentsMigration,
  '0008_record_events': recordEventsMigration,
  '0009_identity_notifications': identityNotificationsMigration,
  '0010_jobs': jobsMigration,
  '0011_flows': flowsMigration,
  '0012_flow_webhooks': flowWebhooksMigration,
  '0013_flow_delegations': flowDelegationsMigration,
  '0014_imports': importsMigration,
  '0015_record_merges': recordMergesMigration,
  '0016_sign_in_throttle': signInThrottleMigration,
  '0017_app_notifications': appNotificationsMigration,
  '0018_comment_edits': commentEditsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the system schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`system migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  }
}
