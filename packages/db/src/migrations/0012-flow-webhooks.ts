import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const flowWebhooksMigration: Migration = {
  async up(db) {
    // A flow started by an inbound webhook: its signing secret (symmetric, as Standard Webhooks
    // signs; shown once to the admin who makes it), and each delivery received, so a sender's
    // retry of the same delivery starts nothing twice.
    await sql`create table flow_webhook_secrets (
      app_id text not null,
      flow_id text not null,
      secret text not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (app_id, flow_id)
    )`.execute(db);
    await sql`create table flow_webhook_deliveries (
      app_id text not null,
      flow_id text not null,
      delivery_id text not null,
      instance_id uuid references flow_instances (id) on delete set null,
      record_id uuid,
      received_at timestamptz not null default now(),
      primary key (app_id, flow_id, delivery_id)
    )`.execute(db);
  },
};
