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
  // scheduled (app/jobs): the appraisers holding a case, before its deadline; the province office on a missed one
  "appraisal.due-soon": "appraisal.notify.dueSoon",
  "appraisal.due-today": "appraisal.notify.dueToday",
  "appraisal.office-overdue": "appraisal.notify.officeOverdue",
  "appraisal.office-lapsed": "appraisal.notify.officeLapsed",
  "class.invited": "att.roster.invite.notify",
  // scheduled (app/jobs): trainers the evening before a session; learners about absences and a session starting soon
  "class.session-eve": "att.notify.sessionEve",
  "class.absence": "att.notify.absence",
  "class.absence-copy": "att.notify.absenceCopy",
  /** opt-in: only those who turned it on get it (EMAIL_OPT_IN in ./choices.ts) */
  "class.session-soon": "att.notify.sessionSoon",
  "plans.invited": "notify.text.planInvited",
} as const satisfies Record<string, MessageKey>;

export type NotificationKind = keyof typeof NOTIFICATION_TEXT;
