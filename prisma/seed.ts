// Seeds the demo province when the database is empty (npm start runs it every time; it is a no-op after the first).
import { hashPassword } from "../app/auth/password.server";
import { type Db, createDb } from "../app/db/db.server";
import { searchKey } from "../app/users/users.server";
import { seedAttendance } from "./seed-attendance";
import { COURSE, DEMO_ACCOUNTS, DEMO_PASSWORD, DISTRICTS, LEARNER_CATEGORIES, PROVINCE, learnerName, pick, prng } from "./demo-data";
import { REFORM_DATE } from "../app/units/catalogue";
import { rebuildStats } from "../app/appraisal/counters.server";
import { seedMaterials } from "./seed-materials";
import { seedAppraisal, seedPlans } from "./seed-plans";
import { loadProvince } from "../app/units/catalogue.server";

/** The demo province in the official catalogue (Hà Tĩnh): its communes of today and its former ones. */
export const DEMO_PROVINCE_CODE = "42";

export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.unit.count()) > 0) return false;
  // One hash for every demo account: hashing 220 passwords would take ~15 s for nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rand = prng(2020);

  await db.$transaction(
    async (tx) => {
      const province = await tx.unit.create({
        data: { code: PROVINCE.code, officialCode: DEMO_PROVINCE_CODE, name: PROVINCE.name, level: "PROVINCE", path: "" },
      });
      await tx.unit.update({ where: { id: province.id }, data: { path: `/${province.id}/` } });
      await tx.provinceSettings.create({ data: { unitId: province.id, appraisalLevels: "COMMUNE,PROVINCE", deadlineKind: "CALENDAR" } });
      const unitIds = new Map<string, number>([[PROVINCE.code, province.id]]);
      const districtIds: number[] = [];
      const communeIds: number[] = [];
      for (const d of DISTRICTS) {
        const district = await tx.unit.create({
          data: { code: d.code, name: d.name, level: "DISTRICT", parentId: province.id, path: "", validUntil: REFORM_DATE },
        });
        const dPath = `/${province.id}/${district.id}/`;
        await tx.unit.update({ where: { id: district.id }, data: { path: dPath } });
        unitIds.set(d.code, district.id);
        districtIds.push(district.id);
        for (const c of d.communes) {
          const commune = await tx.unit.create({
            data: { code: c.code, officialCode: c.officialCode, name: c.name, level: "COMMUNE", parentId: district.id, path: "", validUntil: REFORM_DATE },
          });
          await tx.unit.update({ where: { id: commune.id }, data: { path: `${dPath}${commune.id}/` } });
          unitIds.set(c.code, commune.id);
          communeIds.push(commune.id);
        }
      }

      const course = await tx.course.create({
        data: {
          code: COURSE.code,
          title: COURSE.title,
          description: COURSE.description,
          unitId: province.id,
          enrolmentCode: COURSE.enrolmentCode,
          startsOn: new Date(COURSE.startsOn),
          endsOn: new Date(COURSE.endsOn),
          modules: { create: COURSE.modules.map((module, i) => ({ module, position: i + 1 })) },
        },
      });

      for (const a of DEMO_ACCOUNTS) {
        const unitId = unitIds.get(a.unit)!;
        const user = await tx.user.upsert({
          where: { email: a.email },
          update: {},
          create: {
            fullName: a.fullName,
            email: a.email,
            phone: a.phone,
            passwordHash,
            unitId,
            position: a.position,
            searchName: searchKey(a),
          },
        });
        await tx.roleAssignment.create({ data: { userId: user.id, role: a.role, unitId } });
        if (a.role === "learner" || a.role === "producer")
          await tx.enrolment.create({ data: { courseId: course.id, userId: user.id, createdAt: new Date(COURSE.enrolledOn) } });
        if (a.role === "trainer") await tx.courseTrainer.create({ data: { courseId: course.id, userId: user.id } });
      }

      // The class of the seed training day: 210 officers, producers and consultants.
      const weighted = LEARNER_CATEGORIES.flatMap((c) => Array(c.weight).fill(c) as (typeof c)[]);
      for (let i = 1; i <= COURSE.learners; i++) {
        const cat = pick(rand, weighted);
        const fullName = learnerName(rand);
        const unitId = cat.category === "DISTRICT_OFFICER" ? pick(rand, districtIds) : pick(rand, communeIds);
        const phone = `0913${String(i).padStart(6, "0")}`;
        const user = await tx.user.create({
          data: {
            fullName,
            phone,
            passwordHash,
            unitId,
            position: cat.position,
            category: cat.category,
            searchName: searchKey({ fullName, phone }),
          },
        });
        await tx.roleAssignment.create({ data: { userId: user.id, role: cat.role, unitId } });
        await tx.enrolment.create({ data: { courseId: course.id, userId: user.id, createdAt: new Date(COURSE.enrolledOn) } });
      }
      await seedAttendance(tx);
    },
    { timeout: 60_000 },
  );
  // the 2020 units above first, so the catalogue keeps their ids and only links them to their successors
  await loadProvince(DEMO_PROVINCE_CODE, db);
  await seedPlans(db);
  await seedAppraisal(db);
  await rebuildStats(db);
  const demoCourse = await db.course.findFirstOrThrow({ where: { code: COURSE.code }, include: { trainers: true } });
  await seedMaterials(db, demoCourse.id, demoCourse.trainers[0].userId);
  return true;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const db = createDb();
  seedDemo(db)
    .then(async (seeded) => {
      console.log(seeded ? "Đã tạo dữ liệu mẫu tỉnh Hà Tĩnh." : "Cơ sở dữ liệu đã có dữ liệu: bỏ qua bước tạo dữ liệu mẫu.");
      // an install from before the catalogue: its Hà Tĩnh gets today's communes (a no-op once loaded)
      if (!seeded) await loadProvince(DEMO_PROVINCE_CODE, db);
    })
    .finally(() => db.$disconnect());
}
