import type { SystemTables } from '@tessera/db';
import { translate } from '@tessera/i18n';
import { enqueue, type Job } from '@tessera/jobs';
import { type LocalizedText, notificationKind } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { InstanceRow } from './instance-store';

/** The queue of approval e-mails: one job per person and notification, retried until the SMTP server takes it. */
export const MAIL_QUEUE = 'flows.mail';

export interface MailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer's URL form). */
  smtpUrl: string;
  /** The sender, e.g. `Tessera <approvals@example.com>`. */
  from: string;
  /** Where people open the app, for the link in each e-mail (e.g. `https://crm.example.com`). */
  publicUrl: string;
}

interface MailPayload {
  user: string;
  kind: string;
  title: LocalizedText | null;
  instance: string;
}

interface Notified {
  user: string;
  kind: string;
  title: unknown;
}

/**
 * Queues an e-mail for each in-app notification of a transition, in its transaction: the mail
 * exists if and only if the step commits, and is sent after it. Keyed by instance, revision,
 * person and kind, so a transition retried after a crash queues each mail once.
 */
export async function queueMails(tx: Kysely<SystemTables>, instance: InstanceRow, notifications: readonly Notified[]): Promise<void> {
  for (const n of notifications) {
    const payload: MailPayload = { user: n.user, kind: n.kind, title: (n.title ?? null) as LocalizedText | null, instance: instance.id };
    await enqueue(tx, { queue: MAIL_QUEUE, key: `${instance.id}:${instance.revision}:${n.user}:${n.kind}`, payload: { ...payload }, maxAttempts: 8 });
  }
}

/** The person's language: their own setting, else Chinese (most of our users), as the web app does. */
const localeOf = (locale: string | null) => (locale === 'en' ? 'en' : 'zh-CN');

/**
 * Sends one queued approval e-mail through the configured SMTP server: the notification's text in
 * the person's language, the flow's name, and a link to the approval. Nobody is mailed who has
 * been deactivated since; a refusal by the server throws, and the job is retried later.
 */
export function approvalMailer(db: Kysely<SystemTables>, settings: MailSettings) {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  const base = settings.publicUrl.replace(/\/+$/, '');
  return {
    async send(job: Job): Promise<Record<string, unknown>> {
      const mail = job.payload as unknown as MailPayload;
      const person = await db.selectFrom('users').select(['email', 'name', 'locale']).where('id', '=', mail.user).where('active', '=', true).executeTakeFirst();
      if (!person) return { sent: false, reason: 'inactive' };
      const locale = localeOf(person.locale);
      const flow = mail.title ? (mail.title[locale] ?? mail.title.en ?? mail.title['zh-CN'] ?? '') : '';
      const kind = notificationKind(mail.kind);
      const subject = translate(locale, `flow.mail.${kind}`, { flow });
      const link = `${base}/approvals/instances/${encodeURIComponent(mail.instance)}`;
      const text = `${translate(locale, 'flow.mail.greeting', { name: person.name })}\n\n${subject}\n\n${translate(locale, 'flow.mail.open', {})}: ${link}\n`;
      await transport.sendMail({ from: settings.from, to: { name: person.name, address: person.email }, subject, text });
      return { sent: true };
    },
    close: () => transport.close(),
  };
}
