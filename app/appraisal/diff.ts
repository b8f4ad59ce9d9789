/** Per-section diff between two frozen versions of a plan (pure). */
import { STEP_COUNT, checkStored, fieldLabel, toFormValues } from "~/plans/steps";

export type StepDiff = { step: number; changes: { key: string; label: string; before: string; after: string }[] };

export function versionSteps(json: string): Record<string, unknown> {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function diffVersions(a: Record<string, unknown>, b: Record<string, unknown>): StepDiff[] {
  const out: StepDiff[] = [];
  for (let n = 1; n <= STEP_COUNT; n++) {
    const before = toFormValues(n, checkStored(n, JSON.stringify(a[n] ?? {})).values);
    const after = toFormValues(n, checkStored(n, JSON.stringify(b[n] ?? {})).values);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys
      .filter((k) => (before[k] ?? "") !== (after[k] ?? ""))
      .map((k) => ({ key: k, label: fieldLabel(n, k), before: before[k] ?? "", after: after[k] ?? "" }));
    if (changes.length) out.push({ step: n, changes });
  }
  return out;
}
