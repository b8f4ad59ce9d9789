/**
 * The form engine of the business-plan builder: reads a step's posted values by its declaration
 * (`steps.ts`), field by field through their kinds (`field-kinds.ts`):
 *   - draft: every value typed must be well-formed (amounts, numbers, choices, lengths), blanks allowed;
 *   - complete: the draft checks plus the required fields and rows (needed to submit).
 * Stored data is the canonical form of the values (strings, as the form posts them), so the same
 * parser validates a save and every load. Plain code, no zod, so the browser's live totals use it
 * too (docs/decisions/0019).
 */
import type { MessageKey } from "~/i18n/messages";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import {
  type Column,
  type FieldSpec,
  type Scalar,
  type ScalarField,
  type TableField,
  inputScalar,
  maxLengthOf,
  parseScalar,
  storedScalar,
} from "./field-kinds";

export type StepSummary = "investment" | "finance" | "assessment";
export type StepSpec = {
  n: number;
  title: MessageKey;
  guidance: MessageKey;
  example: MessageKey;
  fields: FieldSpec[];
  /** computed figures shown with the step (live while editing, in the print view) */
  summary?: StepSummary;
};

export type Row = Record<string, Scalar | undefined>;
export type StepValues = Record<string, Scalar | Row[] | undefined>;
/** What a form posts and what is stored: strings, nested for tables ("items.0.name"). */
export type StoredValues = Record<string, string | Record<string, string>[]>;

/** Field path ("items.0.amount") → its first message. */
export type StepErrors = Record<string, string>;
export type StepParse = { ok: true; values: StepValues } | { ok: false; errors: StepErrors };
export type StepCheck = { values: StepValues; complete: boolean; missing: Record<string, string> };
/** Records a message at a path; returns undefined so a reader can `return report(…)`. */
type Report = (path: (string | number)[], message: string) => undefined;

const isBlankRow = (row: Record<string, unknown>) => Object.values(row).every((v) => typeof v !== "string" || v.trim() === "");
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Per-year columns

/** How many years the plan runs, read from the table's `yearsFrom` field; undefined while not (validly) chosen. */
export function planYears(step: StepSpec, table: TableField, values: Record<string, unknown>): number | undefined {
  const f = step.fields.find((x) => x.name === table.yearsFrom);
  const v = table.yearsFrom === undefined ? undefined : values[table.yearsFrom];
  return f?.kind === "select" && typeof v === "string" && f.options.includes(v) ? Number(v) : undefined;
}

/** A column is in use unless it is a per-year column beyond the plan's years (all are, while the years are not chosen). */
export const columnInUse = (c: Column, years: number | undefined) => c.planYear === undefined || years === undefined || c.planYear <= years;

// ---------------------------------------------------------------------------------------------
// Parsing

/** A posted scalar: a string or nothing; anything else (arrays, objects) is a wrong type. */
function readScalar(f: ScalarField, raw: unknown, path: (string | number)[], report: Report): Scalar | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string") return report(path, t("form.invalid"));
  if (raw.length > 20_000) return report(path, t("form.tooLong", { max: maxLengthOf(f) }));
  const v = raw.trim();
  if (!v) return undefined;
  const r = parseScalar(f, v);
  if (r.error) return report(path, r.error);
  return r.value;
}

/** A posted table: rows as nested objects, blank rows dropped, errors at the row's index in the form. */
function readTable(f: TableField, raw: unknown, report: Report): Row[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return report([f.name], t("form.invalid"));
  if (raw.length > f.maxRows * 3) return report([f.name], t("plans.err.tooManyRows", { max: f.maxRows }));
  const out: Row[] = [];
  raw.forEach((r: unknown, i) => {
    if (r === undefined || r === null) return;
    if (!isRecord(r)) return report([f.name, i], t("form.invalid"));
    if (isBlankRow(r)) return;
    let ok = true;
    const row: Row = {};
    for (const c of f.columns) {
      const v = readScalar(c, r[c.name], [f.name, i, c.name], (path, message) => {
        ok = false;
        return report(path, message);
      });
      if (v !== undefined) row[c.name] = v;
    }
    if (ok) out.push(row);
  });
  if (out.length > f.maxRows) report([f.name], t("plans.err.tooManyRows", { max: f.maxRows }));
  return out;
}

/** Required fields and rows (checked on the posted shape, so row numbers match the form). */
function requireComplete(step: StepSpec, raw: Record<string, unknown>, values: StepValues, report: Report) {
  for (const f of step.fields) {
    if (f.kind !== "table") {
      if (f.required && values[f.name] === undefined) report([f.name], t("form.required"));
      continue;
    }
    const years = planYears(step, f, values);
    const rows = Array.isArray(raw[f.name]) ? (raw[f.name] as unknown[]) : [];
    let kept = 0;
    rows.forEach((r, i) => {
      if (!isRecord(r) || isBlankRow(r)) return;
      kept++;
      for (const c of f.columns) {
        const v = r[c.name];
        if (c.required && columnInUse(c, years) && (typeof v !== "string" || v.trim() === "")) report([f.name, i, c.name], t("form.required"));
      }
    });
    if (kept < f.minRows) report([f.name], t("plans.err.minRows", { min: f.minRows }));
  }
}

/** Parses a step's posted (nested) values: "draft" checks what was typed, "complete" also what is required. */
export function parseStep(step: StepSpec, mode: "draft" | "complete", raw: unknown): StepParse {
  const errors: StepErrors = {};
  const report: Report = (path, message) => {
    errors[path.map(String).join(".") || "_form"] ??= message;
    return undefined;
  };
  if (!isRecord(raw)) return { ok: false, errors: { _form: t("form.invalid") } };
  const values: StepValues = {};
  for (const f of step.fields) {
    const v = f.kind === "table" ? readTable(f, raw[f.name], report) : readScalar(f, raw[f.name], [f.name], report);
    if (v !== undefined) values[f.name] = v;
  }
  if (Object.keys(errors).length === 0 && mode === "complete") requireComplete(step, raw, values, report);
  return Object.keys(errors).length === 0 ? { ok: true, values } : { ok: false, errors };
}

/** Loads stored JSON: validated as a draft, then checked for completeness. */
export function checkStored(step: StepSpec, json: string | null | undefined): StepCheck {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const draft = parseStep(step, "draft", raw);
  const complete = parseStep(step, "complete", raw);
  return { values: draft.ok ? draft.values : {}, complete: complete.ok, missing: complete.ok ? {} : complete.errors };
}

// ---------------------------------------------------------------------------------------------
// Canonical stored form and form values

/** Typed values → the canonical strings stored (blank rows dropped, amounts as digits). */
export function toStored(step: StepSpec, values: StepValues): StoredValues {
  const out: StoredValues = {};
  for (const f of step.fields) {
    const v = values[f.name];
    if (f.kind === "table") {
      out[f.name] = ((v as Row[] | undefined) ?? []).map((row) => Object.fromEntries(f.columns.map((c) => [c.name, storedScalar(c, row[c.name])])));
    } else {
      const s = storedScalar(f, v as Scalar | undefined);
      if (s) out[f.name] = s;
    }
  }
  return out;
}

/** Typed values → flat form values ("products.0.price" → "180.000") to fill the inputs. */
export function toFormValues(step: StepSpec, values: StepValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of step.fields) {
    const v = values[f.name];
    if (f.kind === "table") {
      ((v as Row[] | undefined) ?? []).forEach((row, i) => {
        for (const c of f.columns) out[`${f.name}.${i}.${c.name}`] = inputScalar(c, row[c.name]);
      });
    } else out[f.name] = inputScalar(f, v as Scalar | undefined);
  }
  return out;
}

/** Flat posted keys ("items.0.name") → nested objects and arrays, ready for `parseStep`. */
export function nestFormValues(flat: Record<string, string | string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(flat)) {
    const value = Array.isArray(raw) ? raw.join("\n") : raw;
    const parts = key.split(".");
    if (parts.length === 1) {
      out[key] = value;
      continue;
    }
    const [table, index, column] = parts;
    if (parts.length !== 3 || !/^\d{1,3}$/.test(index) || !column) continue; // unknown shapes are ignored
    const rows = (Array.isArray(out[table]) ? out[table] : (out[table] = [])) as Record<string, string>[];
    const i = Number(index);
    rows[i] ??= {};
    rows[i][column] = value;
  }
  for (const v of Object.values(out)) if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] ??= {};
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Labels of the fields named in a missing/errors map ("products.0.price" → "Sản phẩm: …: Giá bán"). */
export function missingLabels(step: StepSpec, missing: Record<string, string>): string[] {
  const labels = new Set<string>();
  for (const key of Object.keys(missing)) {
    const [name, , column] = key.split(".");
    const f = step.fields.find((x) => x.name === name);
    if (!f) continue;
    const c = f.kind === "table" && column ? f.columns.find((x) => x.name === column) : undefined;
    labels.add(c ? `${t(f.label)}: ${t(c.label)}` : t(f.label));
  }
  return [...labels];
}

/** "products.0.price" → "Dòng 1 — Giá bán bình quân (đồng)"; "loans" → its label. */
export function fieldLabel(step: StepSpec, key: string): string {
  const [name, index, column] = key.split(".");
  const f = step.fields.find((x) => x.name === name);
  if (!f) return key;
  if (f.kind !== "table" || !column) return t(f.label);
  const c = f.columns.find((x) => x.name === column);
  return `${t("plans.row", { n: Number(index) + 1 })} — ${c ? t(c.label) : column}`;
}
