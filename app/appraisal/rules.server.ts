import { db } from "~/db/db.server";
import { rulesFromRow, type ProvinceRules } from "~/units/settings";

type Client = Pick<ReturnType<typeof db>, "provinceSettings" | "roleAssignment">;

/** The rules of the province a unit path lies in (its first unit). */
export async function rulesFor(unitPath: string, client: Client = db()): Promise<ProvinceRules> {
  const rootId = Number(unitPath.split("/").filter(Boolean)[0]);
  const row = await client.provinceSettings.findUnique({ where: { unitId: rootId } });
  return rulesFromRow(row);
}

/** The rules of each case's province, read once per province (lists of cases). */
export function rulesCache(client: Client = db()) {
  const byProvince = new Map<string, Promise<ProvinceRules>>();
  return (unitPath: string) => {
    const province = unitPath.split("/").filter(Boolean)[0];
    if (!byProvince.has(province)) byProvince.set(province, rulesFor(unitPath, client));
    return byProvince.get(province)!;
  };
}

/** Appraisers whose grant covers `unitPath` at `level` (they receive the case). */
export async function appraisersFor(client: Client, unitPath: string, level: string) {
  const ids = unitPath.split("/").filter(Boolean).map(Number);
  const rows = await client.roleAssignment.findMany({
    where: { role: "appraiser", unitId: { in: ids }, unit: { level }, user: { active: true } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/** The province office: the admins granted at the province a unit path lies in. */
export async function provinceOffice(client: Client, unitPath: string) {
  const rootId = Number(unitPath.split("/").filter(Boolean)[0]);
  const rows = await client.roleAssignment.findMany({ where: { role: "admin", unitId: rootId, user: { active: true } }, select: { userId: true } });
  return [...new Set(rows.map((r) => r.userId))];
}
