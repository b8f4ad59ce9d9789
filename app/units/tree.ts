import type { UnitLevel } from "~/auth/roles";

export type UnitRow = { id: number; name: string; code: string; level: UnitLevel | string; parentId: number | null; path: string };

/** A province holds districts or (since the 2025 two-level reform) communes directly; a district holds communes. */
export function canContain(parent: UnitLevel, child: UnitLevel): boolean {
  if (parent === "PROVINCE") return child === "DISTRICT" || child === "COMMUNE";
  if (parent === "DISTRICT") return child === "COMMUNE";
  return false;
}

// one collator for every comparison: localeCompare with a locale builds a new one each call
const byVietnameseName = new Intl.Collator("vi");

/** Units in tree order (parents before children, siblings by name), each with its depth. */
export function treeOrder<U extends UnitRow>(units: readonly U[]): (U & { depth: number })[] {
  const byParent = new Map<number | null, U[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const siblings = byParent.get(key);
    if (siblings) siblings.push(u);
    else byParent.set(key, [u]);
  }
  const out: (U & { depth: number })[] = [];
  const walk = (parent: number | null, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) => byVietnameseName.compare(a.name, b.name));
    for (const c of children) {
      out.push({ ...c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** "Huyện Can Lộc › Xã Thiên Lộc"-style label for selects, indented by depth. */
export function indentedLabel(name: string, depth: number): string {
  return `${"\u00a0\u00a0".repeat(depth)}${depth > 0 ? "└ " : ""}${name}`;
}

/** The ids of the units that are, or contain, one of the given unit paths ("/1/4/17/" → 1, 4, 17), each once. */
export function idsOnPaths(paths: readonly string[]): number[] {
  return [
    ...new Set(
      paths.flatMap((p) =>
        p
          .split("/")
          .filter((s) => /^\d+$/.test(s))
          .map(Number),
      ),
    ),
  ];
}
