/**
 * The one message catalogue. Every text the UI shows comes from here (one file of keys per
 * capability under ./vi/), so an English catalogue can be added later with the same keys.
 * Some groups are not loaded here but by the modules that use them, so the pages that do not
 * show them do not download them: check-in (`import "~/i18n/checkin"`), attendance (`import "~/i18n/attendance"`, which loads check-in too), the officers'
 * plans, appraisal and administration (`import "~/i18n/officer"`), a class's local materials (`import "~/i18n/materials"`) and the quiz page's and the trainers' quiz texts (`~/i18n/quiz`, `~/i18n/quiz-trainer`) and the offline page's (`~/i18n/offline`); the offline quiz's texts are added by app/quiz/offline-submit.ts, loaded after the page. See docs/decisions/0019;
 * the build check fails on a page that uses their keys without loading them.
 */
import type { admin } from "./vi/admin";
import type { appraisal } from "./vi/appraisal";
import type { attendance } from "./vi/attendance";
import type { checkin } from "./vi/checkin";
import type { account } from "./vi/account";
import type { classes } from "./vi/classes";
import { auth } from "./vi/auth";
import { certificates } from "./vi/certificates";
import { core } from "./vi/core";
import type { materials } from "./vi/materials";
import { modules } from "./vi/modules";
import type { notifications } from "./vi/notifications";
import type { offline } from "./vi/offline";
import type { quizOffline } from "./vi/quiz-offline";
import { ocop } from "./vi/ocop";
import type { plans } from "./vi/plans";
import { type quiz, quizCommon } from "./vi/quiz";
import type { quizTrainer } from "./vi/quiz-trainer";

const shared = { ...core, ...auth, ...modules, ...ocop, ...quizCommon, ...certificates };

export type MessageKey = keyof (typeof shared &
  typeof checkin &
  typeof attendance &
  typeof admin &
  typeof classes &
  typeof account &
  typeof plans &
  typeof appraisal &
  typeof materials &
  typeof notifications &
  typeof offline &
  typeof quizOffline &
  typeof quiz &
  typeof quizTrainer);
export type Messages = Record<MessageKey, string>;

const catalogues: Record<"vi", Partial<Messages>> = { vi: { ...shared } };

/** Adds a catalogue loaded on demand (./attendance.ts, ./officer.ts). */
export function addMessages(messages: Partial<Messages>) {
  Object.assign(catalogues.vi, messages);
}

// Under test a missing key throws, so a typo or a catalogue not loaded fails a test; in production the key shows.
const strict = typeof process !== "undefined" && (!!process.env.VITEST || process.env.NODE_ENV === "test");

/** Looks a message up and fills `{name}` placeholders. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const found: string | undefined = catalogues.vi[key];
  if (found === undefined && strict) throw new Error(`Missing message key: ${key}`);
  const text = found ?? key;
  if (!vars) return text;
  const parts = templateParts(text);
  let filled = parts[0];
  for (let i = 1; i < parts.length; i += 2) filled += (parts[i] in vars ? String(vars[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
  return filled;
}

/**
 * A message cut at its placeholders once (text, name, text, …): every page fills a few dozen, and a regular
 * expression with a callback costs about seven times as much per call. The catalogue's messages are all it holds.
 */
const templates = new Map<string, string[]>();
function templateParts(text: string): string[] {
  let parts = templates.get(text);
  if (!parts) templates.set(text, (parts = text.split(/\{(\w+)\}/)));
  return parts;
}
