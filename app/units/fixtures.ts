import type { MatchUnit } from "./match";

/** A unit as the matcher reads it, for tests: a current unit unless `extra` says otherwise. */
export const matchUnitFixture = (id: number, name: string, level: string, parentId: number | null, extra: Partial<MatchUnit> = {}): MatchUnit => ({
  id,
  name,
  code: `U${id}`,
  officialCode: null,
  level,
  parentId,
  former: false,
  successorIds: [],
  ...extra,
});
