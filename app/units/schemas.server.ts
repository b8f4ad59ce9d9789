import { z } from "zod";
import { UNIT_LEVELS, type UnitLevel } from "~/auth/roles";
import { choice, id, text } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { CLOCK_RULES, DEADLINE_KINDS, OVERDUE_RULES, type ProvinceRules, validChain } from "./settings";
import { parseVietnameseDate } from "~/i18n/format";

/** The unit admin pages' schemas (server only: zod stays out of the browser, see docs/decisions/0019). */

/** /quan-tri/don-vi: a new district or commune. */
export const createUnitSchema = z.object({
  name: text(120),
  code: text(40)
    .pipe(z.string().regex(/^[A-Za-z0-9_-]+$/, t("form.invalid")))
    .transform((c) => c.toUpperCase()),
  level: choice(["DISTRICT", "COMMUNE"] as const),
  parentId: id(),
});

/** /quan-tri/danh-muc-don-vi: load one province (named by code or name) or every province of the catalogue. */
export const catalogueActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("load"), province: text(80) }), z.object({ intent: z.literal("loadAll") })],
  { error: t("form.invalidChoice") },
);

/** /quan-tri/cai-dat: the province settings form. */
const levelSlot = z.enum([...UNIT_LEVELS, ""], { error: t("form.invalidChoice") }).optional();

const days = z
  .string({ error: t("admin.settings.deadlineDaysInvalid") })
  .trim()
  .regex(/^\d{1,2}$/, t("admin.settings.deadlineDaysInvalid"))
  .transform(Number)
  .refine((n) => n >= 1 && n <= 60, t("admin.settings.deadlineDaysInvalid"));

export const settingsSchema = z
  .object({
    level1: levelSlot,
    level2: levelSlot,
    level3: levelSlot,
    deadlineCOMMUNE: days,
    deadlineDISTRICT: days,
    deadlinePROVINCE: days,
    deadlineKind: z.enum(DEADLINE_KINDS, { error: t("form.invalidChoice") }),
    overdueRule: z.enum(OVERDUE_RULES, { error: t("form.invalidChoice") }),
    // the settings form always sends it; a client that does not keeps today's rule
    clockOnResubmit: z
      .enum(CLOCK_RULES, { error: t("form.invalidChoice") })
      .optional()
      .default("RESTART"),
    // an unchecked checkbox sends nothing
    showOfficerNames: z.literal("on", { error: t("form.invalidChoice") }).optional(),
    holidays: z
      .string()
      .max(5000, t("form.tooLong", { max: 5000 }))
      .optional()
      .transform((text, ctx) => {
        const out: string[] = [];
        for (const line of (text ?? "")
          .split(/[\n,;]+/)
          .map((l) => l.trim())
          .filter(Boolean)) {
          const iso = parseVietnameseDate(line);
          if (!iso) {
            ctx.addIssue({ code: "custom", message: t("admin.settings.holidaysInvalid", { value: line.slice(0, 20) }) });
            return z.NEVER;
          }
          out.push(iso);
        }
        return [...new Set(out)].sort();
      }),
  })
  .transform((v, ctx) => {
    const levels = [v.level1, v.level2, v.level3].filter((l): l is UnitLevel => !!l);
    if (!validChain(levels)) {
      ctx.addIssue({ code: "custom", path: ["level1"], message: t("admin.settings.levelsInvalid") });
      return z.NEVER;
    }
    return {
      levels,
      deadlineDays: { COMMUNE: v.deadlineCOMMUNE, DISTRICT: v.deadlineDISTRICT, PROVINCE: v.deadlinePROVINCE },
      deadlineKind: v.deadlineKind,
      holidays: v.holidays,
      overdueRule: v.overdueRule,
      clockOnResubmit: v.clockOnResubmit,
      showOfficerNames: v.showOfficerNames === "on",
    } satisfies ProvinceRules;
  });
