import type { UnitLevel } from "~/auth/roles";

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
