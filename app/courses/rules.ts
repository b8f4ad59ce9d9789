/**
 * Classes, the pure part: what a class's settings must satisfy, who its audience admits, and how a
 * copy moves its dates. No I/O: unit-tested with plain values (app/courses/rules.test.ts).
 */

export type ClassFacts = { startsOn: Date; endsOn: Date; capacity: number | null; modules: readonly string[] };

/** The refusals of a class's settings, by field (each maps to a Vietnamese message at the edge). */
export type ClassProblem = "endBeforeStart" | "capacityBelowEnrolment" | "noModule" | "unknownModule";

/** What is wrong with a class's settings, given the modules that exist and how many are enrolled now. */
export function classProblems(facts: ClassFacts, known: readonly string[], enrolled: number): Partial<Record<"endsOn" | "capacity" | "modules", ClassProblem>> {
  const out: Partial<Record<"endsOn" | "capacity" | "modules", ClassProblem>> = {};
  if (facts.endsOn < facts.startsOn) out.endsOn = "endBeforeStart";
  if (facts.capacity !== null && facts.capacity < enrolled) out.capacity = "capacityBelowEnrolment";
  if (facts.modules.length === 0) out.modules = "noModule";
  else if (facts.modules.some((m) => !known.includes(m)) || new Set(facts.modules).size !== facts.modules.length) out.modules = "unknownModule";
  return out;
}

/**
 * Does the audience admit a person of this unit? Each audience unit admits the units below it; an empty
 * audience is the organising unit's subtree. A person without a unit is refused: we cannot tell where they belong.
 */
export function admits(audiencePaths: readonly string[], organiserPath: string, personPath: string | null): boolean {
  if (!personPath) return false;
  const paths = audiencePaths.length ? audiencePaths : [organiserPath];
  return paths.some((p) => personPath.startsWith(p));
}

/** Is there room for `adding` more learners? */
export function hasRoom(capacity: number | null, enrolled: number, adding = 1): boolean {
  return capacity === null || enrolled + adding <= capacity;
}

export const DAY_MS = 24 * 3600 * 1000;

/**
 * The whole days a copy moves a class: from the Vietnamese day of its first session (or of its start, when
 * it has none) to the new start day. Both are yyyy-MM-dd.
 */
export function shiftDays(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

export function shifted(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Keeps the required modules of a completion rule that the class still teaches ("" = every module). */
export function requiredWithin(required: string, modules: readonly string[]): string {
  if (!required) return "";
  return required
    .split(",")
    .filter((m) => modules.includes(m))
    .join(",");
}

/** What a class knows about who may still enter it. */
export type Admission = {
  archived: boolean;
  capacity: number | null;
  enrolled: number;
  organiserPath: string;
  audiencePaths: readonly string[];
};

export type AdmissionRefusal = "archived" | "full" | "notAudience";

/** Why these people (their units' paths) may not enter the class now, or null when they may. */
export function admissionRefusal(a: Admission, personPaths: readonly (string | null)[]): AdmissionRefusal | null {
  if (a.archived) return "archived";
  if (personPaths.some((p) => !admits(a.audiencePaths, a.organiserPath, p))) return "notAudience";
  if (!hasRoom(a.capacity, a.enrolled, personPaths.length)) return "full";
  return null;
}
