/**
 * The one message catalogue. Every text the UI shows comes from here (one file of keys per
 * capability under ./vi/), so an English catalogue can be added later with the same keys.
 */
import { admin } from "./vi/admin";
import { appraisal } from "./vi/appraisal";
import { attendance } from "./vi/attendance";
import { auth } from "./vi/auth";
import { certificates } from "./vi/certificates";
import { core } from "./vi/core";
import { modules } from "./vi/modules";
import { ocop } from "./vi/ocop";
import { plans } from "./vi/plans";
import { quiz } from "./vi/quiz";

const vi = { ...core, ...auth, ...admin, ...modules, ...ocop, ...quiz, ...attendance, ...certificates, ...plans, ...appraisal };

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<"vi", Messages> = { vi };

/** Looks a message up and fills `{name}` placeholders. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = catalogues.vi[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
