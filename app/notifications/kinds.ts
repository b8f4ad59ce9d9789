/**
 * Every kind of notification and the catalogue message that words it. A kind names the event
 * (what happened), so people can turn a kind on or off, and the outbox can key one event per recipient.
 */
import type { MessageKey } from "~/i18n/messages";

export const NOTIFICATION_TEXT = {
  "appraisal.received": "appraisal.notify.received",
  "appraisal.decided": "appraisal.notify.decided",
  "appraisal.comment": "appraisal.notify.comment",
  "appraisal.commentAnswered": "notify.text.commentAnswered",
  "appraisal.overdue": "appraisal.notify.overdue",
  "appraisal.lapsed": "appraisal.notify.lapsed",
  "class.invited": "att.roster.invite.notify",
  "plans.invited": "notify.text.planInvited",
} as const satisfies Record<string, MessageKey>;

export type NotificationKind = keyof typeof NOTIFICATION_TEXT;
