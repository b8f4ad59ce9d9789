import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { courseScopeSql, courseWhere } from "~/access/access.server";
import { LEARNING_ROLES } from "~/access/scope";
import { type Auth, getAuth } from "~/auth/guard.server";
import type { Role } from "~/auth/roles";
import { modulePermissions } from "~/content/permissions";
import { classPermissions } from "~/courses/permissions";
import { db } from "~/db/db.server";
import { cookieFor, getRequest, userIdOf } from "../support/http";

/**
 * The class lists read their rows in one raw query scoped by `courseScopeSql` (decision 0055); every other list
 * by `courseWhere`. Both must reach the same classes for everyone: a province admin, a district admin, two
 * trainers of different classes, a learner in two classes, a producer, a consultant (who reaches none).
 */
const who: Record<string, Auth> = {};

beforeAll(async () => {
  const unit = (code: string) => db().unit.findUniqueOrThrow({ where: { code } });
  const [huongSon, sonKim, canLoc] = await Promise.all([unit("HT-HS"), unit("HT-HS-SONKIM1"), unit("HT-CL")]);
  const person = (fullName: string, phone: string, unitId: number, role: Role) =>
    db().user.create({ data: { fullName, phone, unitId, searchName: fullName.toLowerCase(), roles: { create: { role, unitId } } } });
  const [districtAdmin, otherAdmin, trainerB] = await Promise.all([
    person("Quản trị Hương Sơn", "0918300001", huongSon.id, "admin"),
    person("Quản trị Can Lộc", "0918300002", canLoc.id, "admin"),
    person("Giảng viên Sơn Kim", "0918300003", huongSon.id, "trainer"),
  ]);
  const learner = await userIdOf("0913000020");
  const stamp = (days: number) => new Date(Date.now() + days * 86_400_000);
  await db().course.create({
    data: {
      code: "HS-OCOP-XA",
      title: "Lớp cụm xã Sơn Kim",
      unitId: sonKim.id,
      enrolmentCode: "SONKIM27",
      startsOn: stamp(-1),
      endsOn: stamp(30),
      trainers: { create: { userId: trainerB.id } },
      enrolments: { create: { userId: learner } },
    },
  });
  await db().course.create({
    data: {
      code: "HT-CU-2025",
      title: "Lớp năm trước",
      unitId: huongSon.id,
      enrolmentCode: "CU2025",
      startsOn: stamp(-400),
      endsOn: stamp(-390),
      status: "ARCHIVED",
    },
  });
  const authOf = async (id: number | "admin" | "trainer" | "learner" | "producer" | "consultant") =>
    (await getAuth(getRequest("/", { cookie: await cookieFor(id) })))!;
  for (const [name, id] of [
    ["provinceAdmin", "admin"],
    ["trainerA", "trainer"],
    ["learner", learner],
    ["producer", "producer"],
    ["consultant", "consultant"],
    ["districtAdmin", districtAdmin.id],
    ["otherAdmin", otherAdmin.id],
    ["trainerB", trainerB.id],
  ] as const)
    who[name] = await authOf(id);
});

async function viaPrisma(where: Prisma.CourseWhereInput) {
  return (await db().course.findMany({ where, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
}

async function viaSql(scope: Prisma.Sql | null) {
  if (!scope) return [];
  const rows = await db().$queryRaw<{ id: number | bigint }[]>`SELECT c."id" AS "id" FROM "Course" c WHERE ${scope} ORDER BY c."id"`;
  return rows.map((r) => Number(r.id));
}

describe("courseScopeSql", () => {
  const rules = { manage: classPermissions.manage, study: modulePermissions.study };
  const onlies: (readonly Role[] | undefined)[] = [undefined, ["trainer"], ["admin"], LEARNING_ROLES];

  it("reaches exactly the classes courseWhere reaches, for every person, rule and subset of roles", async () => {
    let reachedSome = 0;
    for (const [name, auth] of Object.entries(who))
      for (const [ruleName, rule] of Object.entries(rules))
        for (const only of onlies) {
          const expected = await viaPrisma(courseWhere(auth, rule, only));
          expect(await viaSql(courseScopeSql(auth, rule, only)), `${name} · ${ruleName} · ${only?.join("+") ?? "all"}`).toEqual(expected);
          if (expected.length) reachedSome++;
        }
    // the comparison is not between two empty lists
    expect(reachedSome).toBeGreaterThan(10);
  });

  it("gives the district admin their district's classes only, and the consultant none", async () => {
    const ids = await viaSql(courseScopeSql(who.districtAdmin, classPermissions.manage));
    const codes = (await db().course.findMany({ where: { id: { in: ids } }, select: { code: true } })).map((c) => c.code).sort();
    expect(codes).toEqual(["HS-OCOP-XA", "HT-CU-2025"]);
    expect(courseScopeSql(who.consultant, modulePermissions.study)).toBeNull();
    expect(await viaSql(courseScopeSql(who.otherAdmin, classPermissions.manage))).toEqual([]);
  });
});
