/**
 * The 12 steps of the business-plan builder (the step names of training module 4), each declared once
 * as fields of the kinds in `field-kinds.ts`. The engine (`step-engine.ts`) reads, checks and shows a
 * step by its declaration; the functions below bind it to a step number for the rest of the app.
 */
import { type MessageKey } from "~/i18n/messages";
import { PART_SHEET, scoreByPart } from "~/ocop/part-sheet";
import type { Part, ScoreOutcome } from "~/ocop/scoring";
import { type ScalarField, area, int, money, perYear, phone, select, text, year } from "./field-kinds";
import * as engine from "./step-engine";
import type { StepSpec, StepValues } from "./step-engine";

export type { Row, StepCheck, StepSpec, StepValues, StoredValues } from "./step-engine";

export const OCOP_GROUPS = ["THUC_PHAM", "DO_UONG", "DUOC_LIEU", "THU_CONG", "SINH_VAT_CANH", "DU_LICH"] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];
export const ORG_KINDS = ["HTX", "THT", "DOANH_NGHIEP", "HO_SAN_XUAT"] as const;
export const LEVELS_3 = ["THAP", "TRUNG_BINH", "CAO"] as const;
const level = (v: string) => `plans.level.${v}` as MessageKey;

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
      year("foundedYear", "plans.f.foundedYear"),
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
      select("ocopGroup", "plans.f.ocopGroup", OCOP_GROUPS, (v) => `plans.group.${v}` as MessageKey),
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
    summary: "investment",
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
    summary: "finance",
    fields: [
      select("years", "plans.f.years", ["3", "4", "5"], (v) => `plans.years.${v}` as MessageKey),
      { kind: "percent", name: "taxRate", label: "plans.f.taxRate", hint: "plans.f.taxRateHint", required: true },
      money("depreciation", "plans.f.depreciation", true, "plans.f.depreciationHint"),
      {
        kind: "table",
        name: "products",
        label: "plans.f.products",
        minRows: 1,
        maxRows: 10,
        yearsFrom: "years",
        columns: [
          text("name", "plans.f.productLine"),
          text("unit", "plans.f.unit", true, 30),
          money("price", "plans.f.price"),
          money("variableCost", "plans.f.variableCost"),
          ...perYear("q", ["plans.f.q1", "plans.f.q2", "plans.f.q3", "plans.f.q4", "plans.f.q5"], 100_000_000),
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
          select("likelihood", "plans.f.likelihood", LEVELS_3, level),
          select("impact", "plans.f.impact", LEVELS_3, level),
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
    summary: "assessment",
    fields: [...partScores(), area("evidence", "plans.f.assessmentEvidence", false), area("improvements", "plans.f.improvements")],
  },
];

export const STEP_COUNT = STEPS.length;
export const stepSpec = (n: number) => STEPS[n - 1];
/** The step the finance summary takes the investment from (the one summarised as the investment). */
export const INVESTMENT_STEP = STEPS.findIndex((s) => s.summary === "investment") + 1;

// The engine, by step number.
export const parseStep = (n: number, mode: "draft" | "complete", raw: unknown) => engine.parseStep(stepSpec(n), mode, raw);
export const checkStored = (n: number, json: string | null | undefined) => engine.checkStored(stepSpec(n), json);
export const toStored = (n: number, values: StepValues) => engine.toStored(stepSpec(n), values);
export const toFormValues = (n: number, values: StepValues) => engine.toFormValues(stepSpec(n), values);
export const missingLabels = (n: number, missing: Record<string, string>) => engine.missingLabels(stepSpec(n), missing);
export const fieldLabel = (n: number, key: string) => engine.fieldLabel(stepSpec(n), key);
export const { nestFormValues } = engine;

/** Scores step 12's values (numbers once parsed) on the shared sheet by part: total and star band. */
export function selfAssessment(values: Record<string, unknown>): ScoreOutcome {
  const points: Record<string, number | undefined> = {};
  for (const c of PART_SHEET.criteria) {
    const v = values[c.id];
    points[c.id] = typeof v === "number" ? v : undefined;
  }
  return scoreByPart(points);
}
