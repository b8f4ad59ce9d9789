import { normalizeEmail, normalizePhone } from "~/auth/identifier";
import { foldForSearch } from "~/i18n/fold";
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/attendance";
import { type MatchUnit, type UnitRef, unitMatcher } from "~/units/match";
import type { Category } from "./statuses";

export type { UnitRef };

/**
 * Roster import, the pure part: find the header row (Vietnamese names matched without
 * diacritics and case), read each row, and list every problem with its row number and column.
 * Nothing here touches the database: accounts and units are passed in.
 */
export const ROSTER_FIELDS = ["fullName", "phone", "email", "unit", "position", "category"] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Accepted header names, folded ("Họ và tên" → "ho va ten"); text in parentheses is ignored. */
const HEADER_NAMES: Record<RosterField, string[]> = {
  fullName: ["ho va ten", "ho ten", "ten hoc vien", "ten"],
  phone: ["so dien thoai", "dien thoai", "sdt", "so dt"],
  email: ["email", "e-mail", "thu dien tu"],
  unit: ["don vi", "xa/huyen", "don vi cong tac", "dia phuong"],
  position: ["chuc vu"],
  category: ["doi tuong"],
};

export const MAX_ROSTER_ROWS = 2000;

export function foldHeader(text: string): string {
  return foldForSearch(text.replace(/\([^)]*\)/g, " "))
    .replace(/[:*]/g, "")
    .trim();
}

export function headerField(text: string): RosterField | null {
  const folded = foldHeader(text);
  for (const field of ROSTER_FIELDS) if (HEADER_NAMES[field].includes(folded)) return field;
  return null;
}

/** Column index of each known field in a header row. */
export function mapHeader(row: readonly string[]): Partial<Record<RosterField, number>> {
  const map: Partial<Record<RosterField, number>> = {};
  row.forEach((cell, i) => {
    const field = headerField(cell ?? "");
    if (field && map[field] === undefined) map[field] = i;
  });
  return map;
}

/** The first of the top rows that names at least the full name and one contact or unit column. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const m = mapHeader(rows[i]);
    if (m.fullName !== undefined && (m.phone !== undefined || m.email !== undefined || m.unit !== undefined)) return i;
  }
  return -1;
}

const CATEGORY_NAMES: Record<string, Category> = {
  "can bo huyen": "DISTRICT_OFFICER",
  "can bo cap huyen": "DISTRICT_OFFICER",
  "can bo xa": "COMMUNE_OFFICER",
  "can bo cap xa": "COMMUNE_OFFICER",
  "chu the ocop": "PRODUCER",
  "chu the": "PRODUCER",
  "tu van": "CONSULTANT",
  "don vi tu van": "CONSULTANT",
  khac: "OTHER",
};

export function parseCategory(text: string): Category | null {
  const folded = foldForSearch(text);
  if (!folded) return "OTHER";
  return CATEGORY_NAMES[folded] ?? null;
}

export type RosterRow = {
  row: number;
  fullName: string;
  phone: string | null;
  email: string | null;
  /** null until the trainer picks one of `unitChoices` (a former commune that was split) */
  unitId: number | null;
  unitName: string;
  unitChoices?: UnitRef[];
  /** the unit as typed when it no longer exists (a former district), kept on the enrolment */
  unitNote: string | null;
  position: string | null;
  category: Category;
  /** an account with this phone or email exists: it is enrolled, not duplicated */
  existingUserId: number | null;
};

export type Problem = {
  row: number;
  /** the full name typed on that row, so the trainer knows who it is */
  name: string;
  column: RosterField | null;
  message: MessageKey;
  value?: string;
  /** error: the row is refused; warning: the row is skipped; notice: the row goes in, read what was done */
  severity: "error" | "warning" | "notice";
};

export type Account = { id: number; phone: string | null; email: string | null; enrolled: boolean };

export type RosterContext = {
  /** the province's units, former ones included (app/units/match.ts) */
  units: readonly MatchUnit[];
  /** accounts whose phone or email occurs in the file */
  accounts: readonly Account[];
};

/** A cell position in the sheet flagged by the reader (a formula instead of a value). */
export type CellFlag = { row: number; col: number };

export type RosterTable = { rows: string[][]; formulaCells?: CellFlag[]; firstRowNumber?: number };

/** A row refused for errors, with its cells as typed (to give it back for fixing). */
export type RefusedRow = { row: number; cells: string[] };

export type RosterResult =
  | { ok: true; rows: RosterRow[]; problems: Problem[]; fileRows: number; header: string[]; refused: RefusedRow[] }
  | { ok: false; error: MessageKey; vars?: Record<string, string | number> };

/** The phones and emails a file mentions (to look the accounts up before validating). */
export function contactsIn(table: RosterTable): { phones: string[]; emails: string[] } {
  const h = findHeaderRow(table.rows);
  if (h < 0) return { phones: [], emails: [] };
  const map = mapHeader(table.rows[h]);
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const r of table.rows.slice(h + 1, h + 1 + MAX_ROSTER_ROWS)) {
    const p = map.phone !== undefined ? normalizePhone(r[map.phone] ?? "", { landline: true }) : null;
    const e = map.email !== undefined ? normalizeEmail(r[map.email] ?? "") : null;
    if (p) phones.add(p);
    if (e) emails.add(e);
  }
  return { phones: [...phones], emails: [...emails] };
}

const clean = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * The checks of one roster row, shared by the file import and the form that adds one learner. Keeps the
 * phones and emails seen so far, so a file's second row with the same contact is refused.
 */
function rowChecker(ctx: RosterContext) {
  const matchUnit = unitMatcher(ctx.units);
  const byPhone = new Map(ctx.accounts.filter((a) => a.phone).map((a) => [a.phone!, a]));
  const byEmail = new Map(ctx.accounts.filter((a) => a.email).map((a) => [a.email!, a]));
  const seenPhone = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  return (
    row: number,
    get: (f: RosterField) => string,
    formulaIn: readonly (RosterField | null)[] = [],
  ): { problems: Problem[]; refused: boolean; row: RosterRow | null } => {
    const problems: Problem[] = [];
    const name = get("fullName").slice(0, 120);
    const err = (column: RosterField | null, message: MessageKey, value?: string) => problems.push({ row, name, column, message, value, severity: "error" });
    for (const column of formulaIn) err(column, "att.import.formula");
    const fullName = get("fullName");
    if (!fullName) err("fullName", "att.import.nameMissing");
    else if (fullName.length > 120) err("fullName", "att.import.nameTooLong");

    const rawPhone = get("phone");
    const rawEmail = get("email");
    const category = parseCategory(get("category"));
    // offices' fixed lines are fine for officers; a producer or consultant is reached on a mobile
    const staff = category === "DISTRICT_OFFICER" || category === "COMMUNE_OFFICER";
    const phone = rawPhone ? normalizePhone(rawPhone, { landline: staff }) : null;
    const email = rawEmail ? normalizeEmail(rawEmail) : null;
    if (rawPhone && !phone) err("phone", "att.import.phoneBad", rawPhone);
    if (rawEmail && !email) err("email", "att.import.emailBad", rawEmail);
    if (!rawPhone && !rawEmail) err("phone", "att.import.contactMissing");
    if (phone) {
      if (seenPhone.has(phone)) err("phone", "att.import.phoneDuplicate", t("att.import.seeRow", { value: phone, row: seenPhone.get(phone)! }));
      else seenPhone.set(phone, row);
    }
    if (email) {
      if (seenEmail.has(email)) err("email", "att.import.emailDuplicate", t("att.import.seeRow", { value: email, row: seenEmail.get(email)! }));
      else seenEmail.set(email, row);
    }

    const rawUnit = get("unit");
    const notice = (message: MessageKey, value: string) => notices.push({ row, name, column: "unit", message, value, severity: "notice" });
    const notices: Problem[] = [];
    let unit: { id: number | null; name: string; choices?: UnitRef[]; note: string | null } | null = null;
    if (!rawUnit) err("unit", "att.import.unitMissing");
    else {
      const found = matchUnit(rawUnit);
      if (found.kind === "current") unit = { id: found.unit.id, name: found.unit.name, note: null };
      else if (found.kind === "former") {
        unit = { id: found.unit.id, name: found.unit.name, note: null };
        notice("att.import.unitFormer", t("att.import.unitNowIn", { former: found.former.name, unit: found.unit.name }));
      } else if (found.kind === "district") {
        unit = { id: found.unit.id, name: found.unit.name, note: found.district.name };
        notice("att.import.unitDistrict", t("att.import.unitNowIn", { former: found.district.name, unit: found.unit.name }));
      } else if (found.kind === "split") {
        unit = { id: null, name: found.former.name, choices: found.choices, note: null };
        notice("att.import.unitSplit", t("att.import.unitSplitInto", { former: found.former.name, units: found.choices.map((c) => c.name).join(", ") }));
      } else if (found.kind === "ambiguous")
        err("unit", "att.import.unitAmbiguous", t("att.import.unitCandidates", { value: rawUnit, units: found.choices.map((c) => c.name).join(", ") }));
      else
        err(
          "unit",
          "att.import.unitUnknown",
          found.suggestions.length ? t("att.import.unitSuggest", { value: rawUnit, units: found.suggestions.join(", ") }) : rawUnit,
        );
    }
    const position = get("position").slice(0, 120) || null;
    if (!category) err("category", "att.import.categoryUnknown", get("category"));

    const byP = phone ? byPhone.get(phone) : undefined;
    const byE = email ? byEmail.get(email) : undefined;
    if (byP && byE && byP.id !== byE.id) err("email", "att.import.accountConflict", email ?? "");
    const existing = byP ?? byE ?? null;

    if (problems.length) return { problems, refused: true, row: null };
    if (existing?.enrolled) {
      problems.push({ row, name, column: phone ? "phone" : "email", message: "att.import.alreadyEnrolled", value: phone ?? email ?? "", severity: "warning" });
      return { problems, refused: false, row: null };
    }
    problems.push(...notices);
    return {
      problems,
      refused: false,
      row: {
        row,
        fullName,
        phone,
        email,
        unitId: unit!.id,
        unitName: unit!.name,
        ...(unit!.choices ? { unitChoices: unit!.choices } : {}),
        unitNote: unit!.note,
        position,
        category: category!,
        existingUserId: existing?.id ?? null,
      },
    };
  };
}

/** One learner typed into the roster page's form: the same checks and messages as a row of a file. */
export function validateLearner(fields: Record<RosterField, string>, ctx: RosterContext): { row: RosterRow | null; problems: Problem[] } {
  const { row, problems } = rowChecker(ctx)(0, (f) => clean(fields[f]));
  return { row, problems };
}

export function validateRoster(table: RosterTable, ctx: RosterContext): RosterResult {
  const first = table.firstRowNumber ?? 1;
  const h = findHeaderRow(table.rows);
  if (h < 0) return { ok: false, error: "att.import.noHeader" };
  const map = mapHeader(table.rows[h]);
  if (map.unit === undefined) return { ok: false, error: "att.import.missingColumn", vars: { column: t("att.column.unit") } };
  if (map.phone === undefined && map.email === undefined) return { ok: false, error: "att.import.missingColumn", vars: { column: t("att.column.phone") } };
  const body = table.rows
    .map((cells, i) => ({ cells, row: first + i }))
    .slice(h + 1)
    .filter(({ cells }) => cells.some((c) => clean(c) !== ""));
  if (body.length === 0) return { ok: false, error: "att.import.empty" };
  if (body.length > MAX_ROSTER_ROWS) return { ok: false, error: "att.import.tooMany", vars: { count: body.length, max: MAX_ROSTER_ROWS } };

  const check = rowChecker(ctx);
  const problems: Problem[] = [];
  const rows: RosterRow[] = [];
  const formula = new Set((table.formulaCells ?? []).map((c) => `${c.row}:${c.col}`));
  const columnOf = new Map<number, RosterField>(Object.entries(map).map(([f, i]) => [i as number, f as RosterField]));

  const refused: RefusedRow[] = [];

  for (const { cells, row } of body) {
    const formulaIn: (RosterField | null)[] = [];
    for (const key of formula) {
      const [r, c] = key.split(":").map(Number);
      if (r === row) formulaIn.push(columnOf.get(c) ?? null);
    }
    const get = (f: RosterField) => (map[f] === undefined ? "" : clean(cells[map[f]!]));
    const result = check(row, get, formulaIn);
    problems.push(...result.problems);
    if (result.refused) refused.push({ row, cells: cells.map((c) => c ?? "") });
    else if (result.row) rows.push(result.row);
  }
  return { ok: true, rows, problems, fileRows: body.length, header: table.rows[h].map((c) => c ?? ""), refused };
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");

type Checked = Extract<RosterResult, { ok: true }>;

/** The preview's figures, in rows: valid + rows with errors + skipped (already in the class) = rows of the file. */
export function rosterSummary(r: Checked) {
  const errors = r.problems.filter((p) => p.severity === "error");
  return {
    rows: r.fileRows,
    ok: r.rows.length,
    new: r.rows.filter((x) => x.existingUserId === null).length,
    existing: r.rows.filter((x) => x.existingUserId !== null).length,
    errorRows: r.refused.length,
    errors: errors.length,
    skipped: new Set(r.problems.filter((p) => p.severity === "warning").map((p) => p.row)).size,
  };
}

/** The refused rows as a sheet: the file's own columns, then the row number and the reasons, to fix and re-import. */
export function refusedSheet(r: Checked): { headers: string[]; rows: (string | number)[][] } {
  const width = r.header.length;
  const reasons = new Map<number, string[]>();
  for (const p of r.problems) {
    if (p.severity !== "error") continue;
    const text = p.column ? `${t(`att.column.${p.column}` as MessageKey)}: ${t(p.message)}` : t(p.message);
    reasons.set(p.row, [...(reasons.get(p.row) ?? []), text]);
  }
  return {
    headers: [...r.header, t("att.import.refusedRow"), t("att.import.refusedReason")],
    rows: r.refused.map(({ row, cells }) => [...Array.from({ length: width }, (_, i) => cells[i] ?? ""), row, (reasons.get(row) ?? []).join(" ")]),
  };
}

/**
 * CSV as Excel writes it in Vietnam: comma, semicolon or tab separated (guessed from the
 * header line), quoted fields with doubled quotes, CRLF or LF.
 */
/** A roster has about ten columns; a row with more than this is not one (and would cost the parser dearly). */
export const CSV_MAX_COLUMNS = 100;

/** Rows of a CSV, at most `maxRows` of them; null when a row has more than `maxColumns` fields. */
export function parseCsv(text: string, maxRows = Infinity, maxColumns = CSV_MAX_COLUMNS): string[][] | null {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.slice(0, Math.min(src.search(/\r?\n|$/), 10_000));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  const delim = counts.sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delim) {
      if (row.length >= maxColumns) return null;
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
