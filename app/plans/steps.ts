/**
 * The 12 steps of the business-plan builder (the step names of training module 4). Each step is
 * declared once as fields; `parseStep` reads posted values by the declaration:
 *   - draft: every value typed must be well-formed (amounts, numbers, choices, lengths), blanks allowed;
 *   - complete: the draft checks plus the required fields and rows (needed to submit).
 * Stored data is the canonical form of the values (strings, as the form posts them), so the same
 * parser validates a save and every load. Pure, without zod: used by the server and the browser.
 */
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/officer";
import { PART_SHEET, scoreByPart } from "~/ocop/part-sheet";
import type { Part, ScoreOutcome } from "~/ocop/scoring";
import { formatDecimal } from "~/i18n/format";
import { groupDigits, parseDecimal, parseMoney } from "./money";

export const OCOP_GROUPS = ["THUC_PHAM", "DO_UONG", "DUOC_LIEU", "THU_CONG", "SINH_VAT_CANH", "DU_LICH"] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];
export const ORG_KINDS = ["HTX", "THT", "DOANH_NGHIEP", "HO_SAN_XUAT"] as const;
export const LEVELS_3 = ["THAP", "TRUNG_BINH", "CAO"] as const;

type Base = { name: string; label: MessageKey; hint?: MessageKey; required?: boolean };
export type ScalarField = Base &
  (
    | { kind: "text"; max: number; keypad?: "tel" }
    | { kind: "textarea"; max: number }
    | { kind: "int"; min: number; max: number }
    | { kind: "money" }
    | { kind: "percent" }
    | { kind: "score"; max: number }
    | { kind: "select"; options: readonly string[]; optionLabel: (v: string) => MessageKey }
  );
export type TableField = Base & { kind: "table"; columns: ScalarField[]; minRows: number; maxRows: number };
export type FieldSpec = ScalarField | TableField;

export type StepSpec = { n: number; title: MessageKey; guidance: MessageKey; example: MessageKey; fields: FieldSpec[] };

const text = (name: string, label: MessageKey, required = true, max = 200): ScalarField => ({ kind: "text", name, label, required, max });
/** A phone number: text (spaces, a leading 0 kept) typed on the phone keypad. */
const phone = (name: string, label: MessageKey): ScalarField => ({ kind: "text", name, label, required: true, max: 20, keypad: "tel" });
const area = (name: string, label: MessageKey, required = true, hint?: MessageKey): ScalarField => ({
  kind: "textarea",
  name,
  label,
  required,
  max: 4000,
  hint,
});
const int = (name: string, label: MessageKey, required = true, max = 1_000_000): ScalarField => ({ kind: "int", name, label, required, min: 0, max });
const money = (name: string, label: MessageKey, required = true, hint?: MessageKey): ScalarField => ({ kind: "money", name, label, required, hint });

/** Step 12's inputs are the parts of the shared sheet by part; their labels name the maximum, as the form has no "max" column. */
const PART_INPUT_LABELS: Record<Part, MessageKey> = { A: "plans.sheet.partA", B: "plans.sheet.partB", C: "plans.sheet.partC" };
const partScores = (): ScalarField[] =>
  PART_SHEET.criteria.map((c) => ({ kind: "score", name: c.id, label: PART_INPUT_LABELS[c.part], max: c.max, required: true }));

export const STEPS: StepSpec[] = [
  {
    n: 1,
    title: "plans.step1.title",
    guidance: "plans.step1.guidance",
    example: "plans.step1.example",
    fields: [
      text("representative", "plans.f.representative"),
      text("position", "plans.f.position"),
      phone("phone", "plans.f.phone"),
      text("email", "plans.f.email", false, 120),
      text("registrationNo", "plans.f.registrationNo"),
      int("foundedYear", "plans.f.foundedYear", true, 2100),
      text("mainBusiness", "plans.f.mainBusiness"),
      int("members", "plans.f.members"),
      money("charterCapital", "plans.f.charterCapital", false),
      area("achievements", "plans.f.achievements", false),
    ],
  },
  {
    n: 2,
    title: "plans.step2.title",
    guidance: "plans.step2.guidance",
    example: "plans.step2.example",
    fields: [
      area("structure", "plans.f.structure"),
      int("workers", "plans.f.workers"),
      int("localWorkers", "plans.f.localWorkers"),
      int("femaleWorkers", "plans.f.femaleWorkers", false),
      area("accounting", "plans.f.accounting"),
      area("community", "plans.f.community"),
    ],
  },
  {
    n: 3,
    title: "plans.step3.title",
    guidance: "plans.step3.guidance",
    example: "plans.step3.example",
    fields: [
      text("productName", "plans.f.productName"),
      area("specification", "plans.f.specification"),
      { kind: "select", name: "ocopGroup", label: "plans.f.ocopGroup", required: true, options: OCOP_GROUPS, optionLabel: (v) => `plans.group.${v}` as MessageKey },
      text("subgroup", "plans.f.subgroup", false),
      area("story", "plans.f.story"),
      area("certificates", "plans.f.certificates", true, "plans.f.certificatesHint"),
    ],
  },
  {
    n: 4,
    title: "plans.step4.title",
    guidance: "plans.step4.guidance",
    example: "plans.step4.example",
    fields: [
      area("materials", "plans.f.materials"),
      area("sourcingArea", "plans.f.sourcingArea"),
      int("linkedHouseholds", "plans.f.linkedHouseholds", false),
      area("contracts", "plans.f.contracts"),
      area("inputControl", "plans.f.inputControl"),
    ],
  },
  {
    n: 5,
    title: "plans.step5.title",
    guidance: "plans.step5.guidance",
    example: "plans.step5.example",
    fields: [
      area("customers", "plans.f.customers"),
      area("channels", "plans.f.channels"),
      area("competitors", "plans.f.competitors"),
      area("evidence", "plans.f.evidence", false),
    ],
  },
  {
    n: 6,
    title: "plans.step6.title",
    guidance: "plans.step6.guidance",
    example: "plans.step6.example",
    fields: [
      area("productMix", "plans.f.productMix"),
      area("pricing", "plans.f.pricing"),
      area("distribution", "plans.f.distribution"),
      area("promotion", "plans.f.promotion"),
      money("marketingBudget", "plans.f.marketingBudget"),
    ],
  },
  {
    n: 7,
    title: "plans.step7.title",
    guidance: "plans.step7.guidance",
    example: "plans.step7.example",
    fields: [
      area("process", "plans.f.process"),
      area("controlPoints", "plans.f.controlPoints"),
      area("facilities", "plans.f.facilities"),
      int("capacityPerYear", "plans.f.capacityPerYear", true, 1_000_000_000),
      area("environment", "plans.f.environment"),
    ],
  },
  {
    n: 8,
    title: "plans.step8.title",
    guidance: "plans.step8.guidance",
    example: "plans.step8.example",
    fields: [
      {
        kind: "table",
        name: "items",
        label: "plans.f.investmentItems",
        minRows: 1,
        maxRows: 30,
        columns: [text("name", "plans.f.itemName"), money("amount", "plans.f.amount")],
      },
      money("ownCapital", "plans.f.ownCapital"),
      money("loans", "plans.f.loans"),
      money("support", "plans.f.support"),
      text("loanTerms", "plans.f.loanTerms", false, 300),
    ],
  },
  {
    n: 9,
    title: "plans.step9.title",
    guidance: "plans.step9.guidance",
    example: "plans.step9.example",
    fields: [
      { kind: "select", name: "years", label: "plans.f.years", required: true, options: ["3", "4", "5"], optionLabel: (v) => `plans.years.${v}` as MessageKey },
      { kind: "percent", name: "taxRate", label: "plans.f.taxRate", hint: "plans.f.taxRateHint", required: true },
      money("depreciation", "plans.f.depreciation", true, "plans.f.depreciationHint"),
      {
        kind: "table",
        name: "products",
        label: "plans.f.products",
        minRows: 1,
        maxRows: 10,
        columns: [
          text("name", "plans.f.productLine"),
          text("unit", "plans.f.unit", true, 30),
          money("price", "plans.f.price"),
          money("variableCost", "plans.f.variableCost"),
          int("q1", "plans.f.q1", true, 100_000_000),
          int("q2", "plans.f.q2", true, 100_000_000),
          int("q3", "plans.f.q3", true, 100_000_000),
          int("q4", "plans.f.q4", false, 100_000_000),
          int("q5", "plans.f.q5", false, 100_000_000),
        ],
      },
      {
        kind: "table",
        name: "fixedCosts",
        label: "plans.f.fixedCosts",
        minRows: 1,
        maxRows: 20,
        columns: [text("name", "plans.f.costLine"), money("amount", "plans.f.amountPerYear")],
      },
    ],
  },
  {
    n: 10,
    title: "plans.step10.title",
    guidance: "plans.step10.guidance",
    example: "plans.step10.example",
    fields: [
      {
        kind: "table",
        name: "risks",
        label: "plans.f.risks",
        minRows: 2,
        maxRows: 15,
        columns: [
          text("risk", "plans.f.risk", true, 300),
          { kind: "select", name: "likelihood", label: "plans.f.likelihood", required: true, options: LEVELS_3, optionLabel: (v) => `plans.level.${v}` as MessageKey },
          { kind: "select", name: "impact", label: "plans.f.impact", required: true, options: LEVELS_3, optionLabel: (v) => `plans.level.${v}` as MessageKey },
          text("solution", "plans.f.solution", true, 500),
        ],
      },
      area("scenario", "plans.f.scenario", false),
    ],
  },
  {
    n: 11,
    title: "plans.step11.title",
    guidance: "plans.step11.guidance",
    example: "plans.step11.example",
    fields: [
      {
        kind: "table",
        name: "requests",
        label: "plans.f.requests",
        minRows: 1,
        maxRows: 15,
        columns: [
          text("content", "plans.f.requestContent", true, 300),
          money("amount", "plans.f.requestAmount"),
          text("basis", "plans.f.requestBasis", true, 300),
          money("counterpart", "plans.f.counterpart", false),
        ],
      },
      area("commitments", "plans.f.commitments"),
    ],
  },
  {
    n: 12,
    title: "plans.step12.title",
    guidance: "plans.step12.guidance",
    example: "plans.step12.example",
    fields: [
      ...partScores(),
      area("evidence", "plans.f.assessmentEvidence", false),
      area("improvements", "plans.f.improvements"),
    ],
  },
];

export const STEP_COUNT = STEPS.length;
export const stepSpec = (n: number) => STEPS[n - 1];

// ---------------------------------------------------------------------------------------------
// Values

/** Typed values of a step: numbers for amounts and counts, strings otherwise, arrays for tables. */
export type Scalar = string | number;
export type Row = Record<string, Scalar | undefined>;
export type StepValues = Record<string, Scalar | Row[] | undefined>;

/** What a form posts and what is stored: strings, nested for tables ("items.0.name"). */
export type StoredValues = Record<string, string | Record<string, string>[]>;

function parseScalar(f: ScalarField, raw: string): { value?: Scalar; error?: string } {
  const v = raw.trim();
  if (!v) return {};
  switch (f.kind) {
    case "text":
    case "textarea":
      return v.length > f.max ? { error: t("form.tooLong", { max: f.max }) } : { value: v };
    case "int": {
      const digits = v.replace(/[.\s]/g, "");
      if (!/^-?\d{1,12}$/.test(digits)) return { error: t("plans.err.int") };
      const n = Number(digits);
      if (n < f.min || n > f.max) return { error: t("plans.err.range", { min: f.min, max: groupDigits(f.max) }) };
      return { value: n };
    }
    case "money": {
      const r = parseMoney(v);
      if (r.ok) return { value: r.value };
      return { error: t(r.reason === "negative" ? "plans.err.moneyNegative" : r.reason === "tooLarge" ? "plans.err.moneyTooLarge" : "plans.err.money") };
    }
    case "percent": {
      const n = parseDecimal(v);
      if (n === null || n < 0 || n > 100) return { error: t("plans.err.percent") };
      return { value: n };
    }
    case "score": {
      const n = parseDecimal(v);
      if (n === null || n < 0 || n > f.max || Math.round(n * 2) !== n * 2) return { error: t("plans.err.score", { max: f.max }) };
      return { value: n };
    }
    case "select":
      return f.options.includes(v) ? { value: v } : { error: t("form.invalidChoice") };
  }
}

const isBlankRow = (row: Record<string, unknown>) => Object.values(row).every((v) => typeof v !== "string" || v.trim() === "");
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Field path ("items.0.amount") → its first message. */
export type StepErrors = Record<string, string>;
export type StepParse = { ok: true; values: StepValues } | { ok: false; errors: StepErrors };
/** Records a message at a path; returns undefined so a reader can `return report(…)`. */
type Report = (path: (string | number)[], message: string) => undefined;

/** A posted scalar: a string or nothing; anything else (arrays, objects) is a wrong type. */
function readScalar(f: ScalarField, raw: unknown, path: (string | number)[], report: Report): Scalar | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string") return report(path, t("form.invalid"));
  if (raw.length > 20_000) return report(path, t("form.tooLong", { max: f.kind === "text" || f.kind === "textarea" ? f.max : 100 }));
  const r = parseScalar(f, raw);
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

/** Step 9's quantity columns beyond the plan's years ("q4", "q5" of a 3-year plan): hidden, not required. */
export function unusedYearColumn(stepN: number, column: string, years: unknown): boolean {
  const n = Number(years);
  return stepN === 9 && n >= 3 && n <= 5 && /^q[1-5]$/.test(column) && Number(column.slice(1)) > n;
}

/** Required fields and rows (checked on the posted shape, so row numbers match the form). */
function requireComplete(step: StepSpec, raw: Record<string, unknown>, values: StepValues, report: Report) {
  for (const f of step.fields) {
    if (f.kind !== "table") {
      if (f.required && values[f.name] === undefined) report([f.name], t("form.required"));
      continue;
    }
    const rows = Array.isArray(raw[f.name]) ? (raw[f.name] as unknown[]) : [];
    let kept = 0;
    rows.forEach((r, i) => {
      if (!isRecord(r) || isBlankRow(r)) return;
      kept++;
      for (const c of f.columns) {
        const needed = c.required || (step.n === 9 && /^q[1-5]$/.test(c.name) && !unusedYearColumn(9, c.name, values.years ?? 5));
        const v = r[c.name];
        if (needed && (typeof v !== "string" || v.trim() === "")) report([f.name, i, c.name], t("form.required"));
      }
    });
    if (kept < f.minRows) report([f.name], t("plans.err.minRows", { min: f.minRows }));
  }
}

/**
 * Parses a step's posted (nested) values: "draft" checks what was typed, "complete" also what is
 * required. Plain code, no zod, so the browser's live totals use it too (docs/decisions/0019).
 */
export function parseStep(n: number, mode: "draft" | "complete", raw: unknown): StepParse {
  const step = stepSpec(n);
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

// ---------------------------------------------------------------------------------------------
// Canonical stored form and display

function canonicalScalar(f: ScalarField, v: Scalar | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "number") return f.kind === "percent" || f.kind === "score" ? String(v) : String(Math.round(v));
  return v;
}

/** Typed values → the canonical strings stored (blank rows dropped, amounts as digits). */
export function toStored(n: number, values: StepValues): StoredValues {
  const out: StoredValues = {};
  for (const f of stepSpec(n).fields) {
    const v = values[f.name];
    if (f.kind === "table") {
      out[f.name] = ((v as Row[] | undefined) ?? []).map((row) =>
        Object.fromEntries(f.columns.map((c) => [c.name, canonicalScalar(c, row[c.name])])),
      );
    } else {
      const s = canonicalScalar(f, v as Scalar | undefined);
      if (s) out[f.name] = s;
    }
  }
  return out;
}

function displayScalar(f: ScalarField, v: Scalar | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "number") {
    if (f.kind === "money" || f.kind === "int") return f.name === "foundedYear" ? String(v) : groupDigits(v);
    return formatDecimal(v);
  }
  return v;
}

/** Typed values → flat form values ("products.0.price" → "180.000") to fill the inputs. */
export function toFormValues(n: number, values: StepValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of stepSpec(n).fields) {
    const v = values[f.name];
    if (f.kind === "table") {
      ((v as Row[] | undefined) ?? []).forEach((row, i) => {
        for (const c of f.columns) out[`${f.name}.${i}.${c.name}`] = displayScalar(c, row[c.name]);
      });
    } else out[f.name] = displayScalar(f, v as Scalar | undefined);
  }
  return out;
}

/** Flat posted keys ("items.0.name") → nested objects and arrays, ready for the step schema. */
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

export type StepCheck = { values: StepValues; complete: boolean; missing: Record<string, string> };

/** Loads stored JSON: validated as a draft, then checked for completeness. */
export function checkStored(n: number, json: string | null | undefined): StepCheck {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const draft = parseStep(n, "draft", raw);
  const complete = parseStep(n, "complete", raw);
  return { values: draft.ok ? draft.values : {}, complete: complete.ok, missing: complete.ok ? {} : complete.errors };
}

/** Labels of the fields named in a missing/errors map ("products.0.price" → "Giá bán"). */
export function missingLabels(n: number, missing: Record<string, string>): string[] {
  const labels = new Set<string>();
  for (const key of Object.keys(missing)) {
    const [name, , column] = key.split(".");
    const f = stepSpec(n).fields.find((x) => x.name === name);
    if (!f) continue;
    const c = f.kind === "table" && column ? f.columns.find((x) => x.name === column) : undefined;
    labels.add(c ? `${t(f.label)}: ${t(c.label)}` : t(f.label));
  }
  return [...labels];
}

/** "products.0.price" → "Sản phẩm: giá, … — dòng 1: Giá bán bình quân (đồng)"; "loans" → its label. */
export function fieldLabel(n: number, key: string): string {
  const [name, index, column] = key.split(".");
  const f = stepSpec(n).fields.find((x) => x.name === name);
  if (!f) return key;
  if (f.kind !== "table" || !column) return t(f.label);
  const c = f.columns.find((x) => x.name === column);
  return `${t("plans.row", { n: Number(index) + 1 })} — ${c ? t(c.label) : column}`;
}

/** Scores step 12's values (numbers once parsed) on the shared sheet by part: total and star band. */
export function selfAssessment(values: Record<string, unknown>): ScoreOutcome {
  const points: Record<string, number | undefined> = {};
  for (const c of PART_SHEET.criteria) {
    const v = values[c.id];
    points[c.id] = typeof v === "number" ? v : undefined;
  }
  return scoreByPart(points);
}
