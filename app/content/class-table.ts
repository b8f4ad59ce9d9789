import { foldForSearch, matchesSearch } from "~/i18n/fold";
import { type Done, type OutlineModule, computeProgress } from "./progress";

/** The trainer's class progress table, pure: rows, search without diacritics, sorting. */
export type ClassRow = {
  id: number;
  fullName: string;
  contact: string;
  unit: string;
  modules: { done: number; total: number; percent: number }[];
  done: number;
  total: number;
  percent: number;
  last: string | null;
  folded: string;
};

export type Learner = { id: number; fullName: string; contact: string; unit: string; searchName?: string; done: Done[] };

export function buildRows(outline: OutlineModule[], learners: Learner[]): ClassRow[] {
  return learners.map((l) => {
    const p = computeProgress(outline, l.done);
    return {
      id: l.id,
      fullName: l.fullName,
      contact: l.contact,
      unit: l.unit,
      modules: p.modules.map(({ done, total, percent }) => ({ done, total, percent })),
      done: p.done,
      total: p.total,
      percent: p.percent,
      last: p.last ? p.last.toISOString() : null,
      folded: foldForSearch(`${l.fullName} ${l.contact} ${l.unit}`),
    };
  });
}

export const SORT_KEYS = ["name", "unit", "total", "last", "m1", "m2", "m3", "m4", "m5", "m6"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
/** Vietnamese names sort by given name (the last word), then the whole name. */
const givenName = (name: string) => name.trim().split(/\s+/).pop() ?? name;

export function filterRows(rows: ClassRow[], query: string): ClassRow[] {
  const q = query.trim();
  return q ? rows.filter((r) => matchesSearch(r.folded, q)) : rows;
}

export function sortRows(rows: ClassRow[], key: SortKey, dir: SortDir): ClassRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: ClassRow, b: ClassRow) => collator.compare(givenName(a.fullName), givenName(b.fullName)) || collator.compare(a.fullName, b.fullName);
  const cmp = (a: ClassRow, b: ClassRow): number => {
    switch (key) {
      case "name":
        return byName(a, b);
      case "unit":
        return collator.compare(a.unit, b.unit);
      case "total":
        return a.done - b.done;
      case "last":
        return (a.last ?? "").localeCompare(b.last ?? "");
      default: {
        const i = Number(key.slice(1)) - 1;
        return (a.modules[i]?.done ?? 0) - (b.modules[i]?.done ?? 0);
      }
    }
  };
  return [...rows].sort((a, b) => sign * cmp(a, b) || byName(a, b) || a.id - b.id);
}
