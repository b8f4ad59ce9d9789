/**
 * Unit paths ("/1/4/9/": the ids from the province down, docs/decisions/0004), read and built in one place.
 * Pure (server and browser).
 */

/** The path of a new unit under `parentPath`. */
export function childPath(parentPath: string, id: number): string {
  return `${parentPath}${id}/`;
}

/** The ids on a path, the province first and the unit itself last. */
export function pathIds(unitPath: string): number[] {
  return unitPath.split("/").filter(Boolean).map(Number);
}

/** The id of the province a unit belongs to (the root of its path). */
export function provinceIdOf(unitPath: string): number {
  return pathIds(unitPath)[0];
}

/** The province subtree of a unit (its path's root), e.g. where a course's roster units are looked up. */
export function provincePath(unitPath: string): string {
  return `/${provinceIdOf(unitPath)}/`;
}
