import { z } from "zod";
import { UNIT_LEVELS, type UnitLevel } from "~/auth/roles";
import { t } from "~/i18n/messages";

/** A province's appraisal rules: the ordered chain of levels and the deadline of each level. */
export type ProvinceRules = {
  levels: UnitLevel[];
  /** days each level has to decide, counted from its receipt */
  deadlineDays: Record<UnitLevel, number>;
  deadlineKind: "CALENDAR" | "WORKING";
  holidays: string[]; // yyyy-MM-dd
  overdueRule: OverdueRule;
  clockOnResubmit: ClockRule;
  /** producers see appraisers' names in their audit trail (else "cán bộ thẩm định") */
  showOfficerNames: boolean;
};

export const DEADLINE_KINDS = ["CALENDAR", "WORKING"] as const;
/**
 * What a missed deadline means. FLAG: the case is marked overdue and counted, and stays in the
 * queue. LAPSE: the case closes and the locality of that level counts as having no product
 * registered that year (the rule of the 2020 seed province).
 */
export const OVERDUE_RULES = ["FLAG", "LAPSE"] as const;
export type OverdueRule = (typeof OVERDUE_RULES)[number];

/**
 * A level's clock stops while the case is with the producer (returned). On resubmission it
 * RESTARTs with the full deadline (what every case followed before this setting, the 2020 demo
 * year included) or RESUMEs with the days that were left when it was returned.
 */
export const CLOCK_RULES = ["RESTART", "RESUME"] as const;
export type ClockRule = (typeof CLOCK_RULES)[number];

export const DEFAULT_RULES: ProvinceRules = {
  levels: ["COMMUNE", "PROVINCE"],
  deadlineDays: { COMMUNE: 5, DISTRICT: 5, PROVINCE: 5 },
  deadlineKind: "CALENDAR",
  holidays: [],
  overdueRule: "FLAG",
  clockOnResubmit: "RESTART",
  showOfficerNames: false,
};

/** The chain is valid when each level appears once, in order from low to high, ending at the province. */
export function validChain(levels: readonly UnitLevel[]): boolean {
  if (levels.length === 0 || levels[levels.length - 1] !== "PROVINCE") return false;
  const rank = (l: UnitLevel) => ["COMMUNE", "DISTRICT", "PROVINCE"].indexOf(l);
  return levels.every((l, i) => i === 0 || rank(l) > rank(levels[i - 1]));
}

/** dd/MM/yyyy → yyyy-MM-dd, or null when it is not a real date. */
export function parseVietnameseDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function isoToVietnamese(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

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
    clockOnResubmit: z.enum(CLOCK_RULES, { error: t("form.invalidChoice") }).optional().default("RESTART"),
    // an unchecked checkbox sends nothing
    showOfficerNames: z.literal("on", { error: t("form.invalidChoice") }).optional(),
    holidays: z
      .string()
      .max(5000, t("form.tooLong", { max: 5000 }))
      .optional()
      .transform((text, ctx) => {
        const out: string[] = [];
        for (const line of (text ?? "").split(/[\n,;]+/).map((l) => l.trim()).filter(Boolean)) {
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

type SettingsRow = {
  appraisalLevels: string;
  communeDeadlineDays: number;
  districtDeadlineDays: number;
  provinceDeadlineDays: number;
  deadlineKind: string;
  holidays: string;
  overdueRule: string;
  clockOnResubmit: string;
  showOfficerNames: boolean;
};

export function rulesFromRow(row: SettingsRow | null): ProvinceRules {
  if (!row) return DEFAULT_RULES;
  return {
    levels: row.appraisalLevels.split(",").filter(Boolean) as UnitLevel[],
    deadlineDays: { COMMUNE: row.communeDeadlineDays, DISTRICT: row.districtDeadlineDays, PROVINCE: row.provinceDeadlineDays },
    deadlineKind: row.deadlineKind === "WORKING" ? "WORKING" : "CALENDAR",
    holidays: row.holidays.split(",").filter(Boolean),
    overdueRule: row.overdueRule === "LAPSE" ? "LAPSE" : "FLAG",
    clockOnResubmit: row.clockOnResubmit === "RESUME" ? "RESUME" : "RESTART",
    showOfficerNames: row.showOfficerNames,
  };
}

export function rulesToRow(rules: ProvinceRules): SettingsRow {
  return {
    appraisalLevels: rules.levels.join(","),
    communeDeadlineDays: rules.deadlineDays.COMMUNE,
    districtDeadlineDays: rules.deadlineDays.DISTRICT,
    provinceDeadlineDays: rules.deadlineDays.PROVINCE,
    deadlineKind: rules.deadlineKind,
    holidays: rules.holidays.join(","),
    overdueRule: rules.overdueRule,
    clockOnResubmit: rules.clockOnResubmit,
    showOfficerNames: rules.showOfficerNames,
  };
}
