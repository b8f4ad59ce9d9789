/**
 * The kinds of field a business-plan step is declared with, and what each kind means: how a typed
 * value is read, stored, put back into an input and printed. The step engine (`step-engine.ts`)
 * walks a step's fields and asks the kind; nothing outside this file looks at a field's name to
 * decide how to treat it. Pure, without zod: used by the server and the browser.
 */
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/officer";
import { formatDecimal } from "~/i18n/format";
import { formatMoney, groupDigits, parseDecimal, parseMoney } from "./money";

type Base = { name: string; label: MessageKey; hint?: MessageKey; required?: boolean };
export type ScalarField = Base &
  (
    | { kind: "text"; max: number; keypad?: "tel" }
    | { kind: "textarea"; max: number }
    | { kind: "int"; min: number; max: number }
    /** a calendar year: read like a count, shown as typed ("2017", never "2.017") */
    | { kind: "year"; min: number; max: number }
    | { kind: "money" }
    | { kind: "percent" }
    | { kind: "score"; max: number }
    | { kind: "select"; options: readonly string[]; optionLabel: (v: string) => MessageKey }
  );
/**
 * A table column. A per-year column (`planYear` k) holds a figure of the plan's year k: while the plan
 * runs fewer years it is hidden and not required (what was typed in it is kept).
 */
export type Column = ScalarField & { planYear?: number };
export type TableField = Base & {
  kind: "table";
  columns: Column[];
  minRows: number;
  maxRows: number;
  /** the step's select field giving how many years the plan runs; needed when a column is per-year */
  yearsFrom?: string;
};
export type FieldSpec = ScalarField | TableField;

/** Typed values of a step: numbers for amounts and counts, strings otherwise, arrays for tables. */
export type Scalar = string | number;

/** Reads one typed value (already trimmed, not blank) of a field. */
export function parseScalar(f: ScalarField, v: string): { value?: Scalar; error?: string } {
  switch (f.kind) {
    case "text":
    case "textarea":
      return v.length > f.max ? { error: t("form.tooLong", { max: f.max }) } : { value: v };
    case "int":
    case "year": {
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

/** The longest message a posted value may reach before it is refused unread. */
export const maxLengthOf = (f: ScalarField) => (f.kind === "text" || f.kind === "textarea" ? f.max : 100);

const isDecimalKind = (f: ScalarField) => f.kind === "percent" || f.kind === "score";

/** A typed value → the canonical string stored (amounts and counts as plain digits). */
export function storedScalar(f: ScalarField, v: Scalar | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "number") return isDecimalKind(f) ? String(v) : String(Math.round(v));
  return v;
}

/** A typed value → what its input shows ("180.000", "12,5", "2017"). */
export function inputScalar(f: ScalarField, v: Scalar | undefined): string {
  if (v === undefined) return "";
  if (typeof v !== "number") return v;
  if (f.kind === "year") return String(v);
  return f.kind === "money" || f.kind === "int" ? groupDigits(v) : formatDecimal(v);
}

/** A typed value → the print view's text (amounts with their unit, choices by their label). */
export function printedScalar(f: ScalarField, v: unknown): string {
  if (v === undefined || v === null || v === "") return t("plans.printEmpty");
  if (typeof v === "number") return f.kind === "money" ? formatMoney(v) : inputScalar(f, v);
  if (f.kind === "select") return t(f.optionLabel(String(v)));
  return String(v);
}

/** The phone keypad a field asks for. */
export function inputModeOf(f: ScalarField): "numeric" | "decimal" | undefined {
  if (f.kind === "money" || f.kind === "int" || f.kind === "year") return "numeric";
  return isDecimalKind(f) ? "decimal" : undefined;
}

// ---------------------------------------------------------------------------------------------
// Builders for the declarations

export const text = (name: string, label: MessageKey, required = true, max = 200): ScalarField => ({ kind: "text", name, label, required, max });
/** A phone number: text (spaces, a leading 0 kept) typed on the phone keypad. */
export const phone = (name: string, label: MessageKey): ScalarField => ({ kind: "text", name, label, required: true, max: 20, keypad: "tel" });
export const area = (name: string, label: MessageKey, required = true, hint?: MessageKey): ScalarField => ({
  kind: "textarea",
  name,
  label,
  required,
  max: 4000,
  hint,
});
export const int = (name: string, label: MessageKey, required = true, max = 1_000_000): ScalarField => ({ kind: "int", name, label, required, min: 0, max });
export const year = (name: string, label: MessageKey, required = true): ScalarField => ({ kind: "year", name, label, required, min: 0, max: 2100 });
export const money = (name: string, label: MessageKey, required = true, hint?: MessageKey): ScalarField => ({ kind: "money", name, label, required, hint });
export const select = (name: string, label: MessageKey, options: readonly string[], optionLabel: (v: string) => MessageKey): ScalarField => ({
  kind: "select",
  name,
  label,
  required: true,
  options,
  optionLabel,
});

/** One count column per plan year ("q1" … "q5"), each labelled by its own key and required while in use. */
export function perYear(prefix: string, labels: readonly MessageKey[], max: number): Column[] {
  return labels.map((label, i) => ({ kind: "int", name: `${prefix}${i + 1}`, label, required: true, min: 0, max, planYear: i + 1 }));
}
