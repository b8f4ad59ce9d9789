/**
 * What a person may receive by email, and the name of each choice: the part of the kinds that pages show (the
 * account page, the unsubscribe page), apart from ./kinds.ts, whose texts belong to catalogues those pages do not load.
 */
import type { MessageKey } from "~/i18n/messages";
import type { NotificationKind } from "./kinds";

/** What a person turns on or off on their account page: every kind, and the daily digest of unread notifications. */
export type PreferenceKind = NotificationKind | "digest";

/** The name of each kind on the account page and in an email's subject. */
export const NOTIFICATION_LABEL = {
  "appraisal.received": "notify.kind.appraisal.received",
  "appraisal.decided": "notify.kind.appraisal.decided",
  "appraisal.comment": "notify.kind.appraisal.comment",
  "appraisal.commentAnswered": "notify.kind.appraisal.commentAnswered",
  "appraisal.overdue": "notify.kind.appraisal.overdue",
  "appraisal.lapsed": "notify.kind.appraisal.lapsed",
  "appraisal.due-soon": "notify.kind.appraisal.due-soon",
  "appraisal.due-today": "notify.kind.appraisal.due-today",
  "appraisal.office-overdue": "notify.kind.appraisal.office-overdue",
  "appraisal.office-lapsed": "notify.kind.appraisal.office-lapsed",
  "class.invited": "notify.kind.class.invited",
  "class.session-eve": "notify.kind.class.session-eve",
  "class.absence": "notify.kind.class.absence",
  "class.absence-copy": "notify.kind.class.absence-copy",
  "class.session-soon": "notify.kind.class.session-soon",
  "plans.invited": "notify.kind.plans.invited",
  digest: "notify.kind.digest",
} as const satisfies Record<PreferenceKind, MessageKey>;

export const PREFERENCE_KINDS = Object.keys(NOTIFICATION_LABEL) as PreferenceKind[];

/**
 * Kinds a person must turn on (opt-in); every other kind is emailed until they turn it off. An opt-in kind that is a
 * notification (not the digest) reaches nobody, in the app or by email, until they do.
 */
export const EMAIL_OPT_IN: ReadonlySet<PreferenceKind> = new Set<PreferenceKind>(["digest", "class.session-soon"]);

/** Whether a person wants this kind by email: their choice when they made one, else the kind's default. */
export function wantsEmail(kind: PreferenceKind, choice: boolean | undefined): boolean {
  return choice ?? !EMAIL_OPT_IN.has(kind);
}

export function isPreferenceKind(value: string): value is PreferenceKind {
  return Object.hasOwn(NOTIFICATION_LABEL, value);
}
