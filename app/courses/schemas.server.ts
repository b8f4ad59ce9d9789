import { z } from "zod";
import { id, many, optionalText, text } from "~/forms/fields.server";
import { type FormFailure, type FormResult, type FormValues, echoValues, issuesToErrors } from "~/forms/parse";
import { vnDayStart } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { DAY_MS } from "./rules";

/** An enrolment code as typed: capitals, no spaces (the code is shown grouped on the projector). */
export const normalizeCode = (raw: string) => raw.toUpperCase().replace(/\s+/g, "").slice(0, 40);

/** /khoa-hoc/tham-gia: a signed-in person joins a class with its enrolment code. */
export const joinSchema = z.object({ code: text(40).transform(normalizeCode) });

const day = z
  .string({ error: t("classes.error.dateInvalid") })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, t("classes.error.dateInvalid"))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), t("classes.error.dateInvalid"));

const classCode = text(40)
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, t("classes.error.codeInvalid")));

const capacity = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string({ error: t("classes.error.capacityInvalid") })
    .trim()
    .regex(/^\d{1,6}$/, t("classes.error.capacityInvalid"))
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100_000, t("classes.error.capacityInvalid"))
    .optional(),
);

/** `position.<slug>` fields: the module's place in the class ("" = not taught). Sorted by place, then as sent. */
const POSITION = "position.";
function modulesOf(input: Record<string, unknown>): string[] | null {
  const chosen: { slug: string; place: number }[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith(POSITION) || value === "") continue;
    if (typeof value !== "string" || !/^\d{1,2}$/.test(value)) return null;
    chosen.push({ slug: key.slice(POSITION.length), place: Number(value) });
  }
  return chosen.sort((a, b) => a.place - b.place).map((c) => c.slug);
}

/** The class form (create and edit): dates are Vietnamese days; the class ends at the end of its last day. */
export const classSchema = z
  .looseObject({
    title: text(200),
    code: classCode,
    description: optionalText(2000),
    unitId: id(t("form.invalidChoice"), t("form.required")),
    startsOn: day,
    endsOn: day,
    place: optionalText(200),
    capacity,
    audience: many(id()).refine((a) => a.length <= 500, t("form.tooLarge")),
  })
  .transform((v, ctx) => {
    const modules = modulesOf(v);
    if (!modules) {
      ctx.addIssue({ code: "custom", path: ["modules"], message: t("classes.error.unknownModule") });
      return z.NEVER;
    }
    return {
      title: v.title,
      code: v.code,
      description: v.description ?? "",
      unitId: v.unitId,
      startsOn: vnDayStart(v.startsOn),
      endsOn: new Date(vnDayStart(v.endsOn).getTime() + DAY_MS - 1000),
      place: v.place ?? "",
      capacity: v.capacity ?? null,
      audience: [...new Set(v.audience)],
      modules,
    };
  });

export type ClassFields = z.output<typeof classSchema>;

/** Any posted fields as text (the class form is parsed from these by `parseClassFields`). */
export const postedFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The class form from posted fields, with the values to refill it (also after a refusal of the rules). */
export function parseClassFields(raw: Record<string, string | string[]>): (FormResult<ClassFields> & { values: FormValues }) | FormFailure {
  const values = echoValues(raw);
  const parsed = classSchema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: issuesToErrors(parsed.error.issues), values };
}

/** /khoa-hoc/$courseId/cai-dat: what the settings page posts. */
export const settingsActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("details") }).catchall(z.union([z.string(), z.array(z.string())])),
    z.object({ intent: z.literal("addTrainer"), userId: id() }),
    z.object({ intent: z.literal("removeTrainer"), userId: id() }),
    z.object({ intent: z.literal("rotateCode") }),
    z.object({ intent: z.literal("closeCode") }),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("unarchive") }),
    z.object({ intent: z.literal("copy"), startsOn: day, code: classCode }),
  ],
  { error: t("form.invalidChoice") },
);
