import { z } from "zod";
import { choice, id, intInRange, many, optionalText, text } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { type AttendanceStatus, STATUSES } from "./statuses";
import { vnInstant } from "~/i18n/format";

/** zod schemas of the attendance forms (Vietnamese messages at each field). */

const dateField = z
  .string({ error: t("att.session.dateInvalid") })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, t("att.session.dateInvalid"));
const timeField = z
  .string({ error: t("att.session.dateInvalid") })
  .trim()
  .regex(/^\d{2}:\d{2}$/, t("att.session.dateInvalid"));
const minutes = () => intInRange(0, 240, t("att.session.minutesRange"));
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const sessionFields = z
  .object({
    title: optionalText(200),
    date: dateField,
    start: timeField,
    end: timeField,
    place: optionalText(200),
    trainerId: z.preprocess(blankToUndefined, id().optional()),
    rotateSeconds: intInRange(10, 300, t("att.session.rotateRange")),
    graceBeforeMin: minutes(),
    graceAfterMin: minutes(),
    lateAfterMin: minutes(),
  })
  .transform((v, ctx) => {
    const startsAt = vnInstant(v.date, v.start);
    const endsAt = vnInstant(v.date, v.end);
    if (!startsAt || !endsAt) {
      ctx.addIssue({ code: "custom", path: [startsAt ? "end" : "date"], message: t("att.session.dateInvalid") });
      return z.NEVER;
    }
    if (endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["end"], message: t("att.session.endBeforeStart") });
      return z.NEVER;
    }
    return {
      title: v.title ?? "",
      place: v.place ?? "",
      trainerId: v.trainerId ?? null,
      startsAt,
      endsAt,
      rotateSeconds: v.rotateSeconds,
      graceBeforeMin: v.graceBeforeMin,
      graceAfterMin: v.graceAfterMin,
      lateAfterMin: v.lateAfterMin,
    };
  });

export const sessionsActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create") }).passthrough(),
    z.object({ intent: z.literal("cancel"), sessionId: id() }),
    z.object({ intent: z.literal("restore"), sessionId: id() }),
  ],
  { error: t("form.invalidChoice") },
);

export const statusField = choice(STATUSES);
export const noteField = optionalText(300);

const shownIds = many(id())
  .refine((a) => a.length <= 5000, t("form.tooLarge"))
  .transform((a) => [...new Set(a)]);

/**
 * The `mark.<id>` (status) and `note.<id>` (note) fields of the listed learners. Saving reads the rows with a
 * status chosen (`notes` only where a status is); "the rest" reads every note, since it may mark any of them.
 */
function readMarks(input: Record<string, unknown>, ids: readonly number[], allNotes: boolean, ctx: z.RefinementCtx) {
  const marks: { userId: number; status: AttendanceStatus; note: string }[] = [];
  const notes = new Map<number, string>();
  let failed = false;
  const fail = (key: string, message: string) => {
    failed = true;
    ctx.addIssue({ code: "custom", path: [key], message });
  };
  for (const userId of ids) {
    const rawStatus = input[`mark.${userId}`];
    const chosen = rawStatus !== undefined && rawStatus !== "";
    if (!chosen && !allNotes) continue;
    const note = noteField.safeParse(input[`note.${userId}`] ?? "");
    if (note.success) notes.set(userId, note.data ?? "");
    if (chosen) {
      const status = statusField.safeParse(rawStatus);
      if (!status.success) fail(`mark.${userId}`, status.error.issues[0].message);
      else if (note.success) marks.push({ userId, status: status.data, note: note.data ?? "" });
    }
    if (!note.success) fail(`note.${userId}`, note.error.issues[0].message);
  }
  if (failed) ctx.addIssue({ code: "custom", path: [], message: t("form.hasErrors") });
  return { marks, notes };
}

/** When the marking page was loaded (ms since 1970), to tell the trainer about marks saved over since. */
const loadedAtField = z.preprocess((v) => (typeof v === "string" && /^\d{13}$/.test(v) ? new Date(Number(v)) : null), z.date().nullable());

/** The marking form: `ids` lists the learners shown; `mark.<id>` their status, `note.<id>` a note (dotted names, as everywhere). */
export const markFormSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({ intent: z.literal("save"), ids: shownIds, loadedAt: loadedAtField })
      .catchall(z.unknown())
      .transform((v, ctx) => ({ intent: v.intent, ids: v.ids, loadedAt: v.loadedAt, marks: readMarks(v, v.ids, false, ctx).marks })),
    // "mark the rest": `ids` are the learners it may touch; without `confirmed` it only asks
    z
      .object({
        intent: z.literal("rest"),
        status: choice(["PRESENT", "ABSENT"] as const),
        confirmed: z.literal("1").optional(),
        ids: shownIds,
      })
      .catchall(z.unknown())
      .transform((v, ctx) => ({ intent: v.intent, status: v.status, confirmed: v.confirmed, ids: v.ids, notes: readMarks(v, v.ids, true, ctx).notes })),
  ],
  { error: t("form.invalidChoice") },
);

/** Milliseconds since 1970 as the phone's clock read them (a queued check-in's typed and sent moments). */
const epochMs = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{12,14}$/, t("att.checkin.badMoment"))
    .transform(Number)
    .optional(),
);

export const checkinSchema = z
  .object({
    code: text(40),
    buoi: z.preprocess(blankToUndefined, id().optional()),
    // a check-in queued on the phone (docs/decisions/0046): all three or none
    key: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,64}$/, t("att.checkin.badMoment"))
        .optional(),
    ),
    typedAt: epochMs,
    sentAt: epochMs,
    // who was signed in when it was queued: a phone passed to another learner does not check them in
    learner: z.preprocess(blankToUndefined, id().optional()),
  })
  .refine((v) => (v.key === undefined) === (v.typedAt === undefined) && (v.typedAt === undefined) === (v.sentAt === undefined), {
    path: ["code"],
    message: t("att.checkin.badMoment"),
  });

export const rosterActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add"),
      fullName: text(120),
      phone: optionalText(20),
      email: optionalText(254),
      unit: text(200),
      /** the new commune picked when `unit` names a former commune split between several */
      unitChoice: z.preprocess(blankToUndefined, id(t("form.invalidChoice")).optional()),
      position: optionalText(120),
      category: optionalText(40),
    }),
    z.object({ intent: z.literal("remove"), userId: id() }),
    z.object({ intent: z.literal("reissue") }),
  ],
  { error: t("form.invalidChoice") },
);

/** The confirm form: the staged token and, for each split former commune, the unit picked (field `unit-<row>`). */
export const confirmImportSchema = z
  .object({ intent: z.literal("confirm"), token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, t("att.import.expired")) })
  .catchall(z.string().max(20))
  .transform(({ intent, token, ...rest }) => {
    const unitChoices: Record<number, number> = {};
    for (const [key, value] of Object.entries(rest)) {
      const row = /^unit-(\d{1,6})$/.exec(key);
      if (row && /^\d{1,9}$/.test(value)) unitChoices[Number(row[1])] = Number(value);
    }
    return { intent, token, unitChoices };
  });

export const activateSchema = z
  .object({
    identifier: text(254),
    code: text(20),
    password: z
      .string({ error: t("form.required") })
      .min(8, t("auth.password.tooShort", { min: 8 }))
      .max(128, t("auth.password.tooLong", { max: 128 })),
    passwordConfirm: z.string({ error: t("form.required") }).max(128, t("auth.password.tooLong", { max: 128 })),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: t("att.activate.mismatch") });

export const REPORT_KINDS = ["buoi", "hoc-vien", "luoi", "duoi-nguong"] as const;
export const exportQuerySchema = z.object({
  bang: z.enum(REPORT_KINDS, { error: t("att.report.exportBad") }).default("buoi"),
  "dinh-dang": z.enum(["csv", "xlsx"], { error: t("att.report.exportBad") }).default("xlsx"),
  nguong: z.preprocess(blankToUndefined, intInRange(0, 100, t("att.report.thresholdInvalid")).optional()),
});
