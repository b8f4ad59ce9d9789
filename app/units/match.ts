import { foldForSearch } from "~/i18n/fold";

/**
 * Finding the unit a person typed on a roster, the pure part. What officers type: the name with or without its
 * level word ("Xã Thiên Lộc", "thien loc"), an official code ("18406"), the commune with its former district
 * ("Xã Thiên Lộc, Huyện Can Lộc", "Thiên Lộc - Can Lộc"), in any Unicode form. Since 1 July 2025 many of those
 * names are of former units: a former commune leads to its successor (or to a choice when it was split), a
 * former district to its province (districts no longer exist).
 */
export type MatchUnit = {
  id: number;
  name: string;
  /** our code (unique) and the General Statistics Office code, when the unit has one */
  code: string;
  officialCode: string | null;
  level: string;
  parentId: number | null;
  /** ended on 1 July 2025 (or another date): a former unit */
  former: boolean;
  successorIds: readonly number[];
};

export type UnitRef = { id: number; name: string };

export type UnitMatch =
  | { kind: "current"; unit: UnitRef }
  | { kind: "former"; former: UnitRef; unit: UnitRef }
  | { kind: "split"; former: UnitRef; choices: UnitRef[] }
  | { kind: "district"; district: UnitRef; unit: UnitRef }
  | { kind: "ambiguous"; choices: UnitRef[] }
  | { kind: "unknown"; suggestions: string[] };

/** Level words as people write them, folded, each to the form the catalogue uses. */
const LEVEL_WORDS: [RegExp, string][] = [
  [/^(tp|t\.p|thanh pho)\.?\s*/, "thanh pho "],
  [/^(tt|thi tran)\.?\s*/, "thi tran "],
  [/^(tx|thi xa)\.?\s*/, "thi xa "],
  [/^(p|phuong)\.?\s+/, "phuong "],
  [/^(x|xa)\.?\s+/, "xa "],
  [/^(h|huyen)\.?\s+/, "huyen "],
  [/^(q|quan)\.?\s+/, "quan "],
  [/^tinh\s+/, "tinh "],
  [/^dac khu\s+/, "dac khu "],
];
const LEVEL_PREFIX = /^(thanh pho|thi tran|thi xa|phuong|xa|huyen|quan|tinh|dac khu) /;

/** Folded, with its level word spelled out: "TP. Hà Tĩnh" → "thanh pho ha tinh". */
export function unitKey(text: string): string {
  const folded = foldForSearch(text.normalize("NFC"));
  for (const [re, word] of LEVEL_WORDS) if (re.test(folded)) return folded.replace(re, word).trim();
  return folded;
}

/** The same without the level word: "thien loc". */
export const bareKey = (text: string) => withoutLevel(unitKey(text));
const withoutLevel = (key: string) => key.replace(LEVEL_PREFIX, "");

/** Edit distance, given up (Infinity) past `max`; enough for "closest names" suggestions. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return Infinity;
    prev = cur;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

const ref = (u: MatchUnit): UnitRef => ({ id: u.id, name: u.name });

/** Builds the indexes once per roster; the returned function matches one cell. */
export function unitMatcher(units: readonly MatchUnit[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const full = new Map<string, MatchUnit[]>();
  const bare = new Map<string, MatchUnit[]>();
  const byCode = new Map<string, MatchUnit[]>();
  const push = (m: Map<string, MatchUnit[]>, k: string, u: MatchUnit) => {
    const list = m.get(k);
    if (list) list.push(u);
    else m.set(k, [u]);
  };
  // each name folded once: a country's 13,000 units, and the rows' context checks below read these
  const bareOf = new Map<number, string>();
  for (const u of units) {
    const key = unitKey(u.name);
    const bareName = withoutLevel(key);
    bareOf.set(u.id, bareName);
    push(full, key, u);
    push(bare, bareName, u);
    push(byCode, u.code.toLowerCase(), u);
    if (u.officialCode && u.officialCode !== u.code.toLowerCase()) push(byCode, u.officialCode, u);
  }
  const bareNames = [...bare.keys()];

  /** Whether every context name is one of the unit's ancestors or (a former unit's) successors: where it is or went. */
  const isAround = (u: MatchUnit, context: readonly string[]): boolean =>
    context.every((c) => {
      for (let p = u.parentId === null ? undefined : byId.get(u.parentId); p; p = p.parentId === null ? undefined : byId.get(p.parentId))
        if (bareOf.get(p.id) === c) return true;
      return u.successorIds.some((s) => bareOf.get(s) === c);
    });

  const candidates = (text: string): MatchUnit[] => {
    const key = unitKey(text);
    if (!key) return [];
    const code = byCode.get(key.replace(/\s/g, ""));
    if (code) return code;
    // "quan son", "tinh tuc": a name may begin with a word that is also a level word
    if (LEVEL_PREFIX.test(key)) return full.get(key) ?? bare.get(key) ?? [];
    return bare.get(key) ?? [];
  };

  const decide = (found: MatchUnit[]): UnitMatch | null => {
    if (found.length === 0) return null;
    const current = found.filter((u) => !u.former);
    if (current.length === 1) return { kind: "current", unit: ref(current[0]) };
    if (current.length > 1) return { kind: "ambiguous", choices: current.map(ref) };
    const districts = found.filter((u) => u.level === "DISTRICT");
    const communes = found.filter((u) => u.level !== "DISTRICT");
    if (communes.length === 0 && districts.length === 1) {
      const province = provinceOf(districts[0]);
      return province ? { kind: "district", district: ref(districts[0]), unit: ref(province) } : null;
    }
    const successors = [...new Set(communes.flatMap((u) => u.successorIds))].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    if (communes.length > 1 && successors.length !== 1) return { kind: "ambiguous", choices: communes.map(ref) };
    const former = communes[0];
    if (successors.length === 0) return { kind: "current", unit: ref(former) }; // its successor is not loaded: keep it
    if (successors.length === 1) return { kind: "former", former: ref(former), unit: ref(successors[0]) };
    return { kind: "split", former: ref(former), choices: successors.map(ref) };
  };

  const provinceOf = (u: MatchUnit): MatchUnit | undefined => {
    let p: MatchUnit | undefined = u;
    while (p && p.parentId !== null) p = byId.get(p.parentId);
    return p && p !== u ? p : undefined;
  };

  const suggest = (text: string): string[] => {
    const key = bareKey(text.split(/,| - /)[0]);
    const max = Math.max(1, Math.floor(key.length / 4));
    return bareNames
      .map((n) => [n, editDistance(key, n, max)] as const)
      .filter(([, d]) => d !== Infinity)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 3)
      .map(([n]) => {
        const named = bare.get(n)!;
        return (named.find((u) => !u.former) ?? named[0]).name;
      });
  };

  return (text: string): UnitMatch => {
    const whole = decide(candidates(text));
    if (whole) return whole;
    // "Xã Thiên Lộc, Huyện Can Lộc", "Thiên Lộc - Can Lộc": the unit, then where it is (or was)
    const parts = text.split(/\s*,\s*|\s+[-–]\s+/).filter((p) => p.trim());
    // the unit's own name may hold a dash ("Xã Chân Mây - Lăng Cô"): try each place the context could begin
    for (let k = 1; k < parts.length; k++) {
      const found = candidates(parts.slice(0, k).join(" - "));
      const context = parts.slice(k).map(bareKey);
      const inPlace = found.filter((u) => isAround(u, context));
      const chosen = decide(inPlace.length ? inPlace : found);
      if (chosen) return chosen;
    }
    return { kind: "unknown", suggestions: suggest(text) };
  };
}
