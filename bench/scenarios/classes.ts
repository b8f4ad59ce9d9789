import { createDb } from "../../app/db/db.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Scenario, type Server, loginCookie } from "../harness";

/**
 * A province's year of classes (issue 17): 20 classes of 250 learners each (5,000 enrolments, three
 * lessons done by each learner), taught by the demo trainer and organised by the province. Measured:
 * the admin's class list, one class's page and its progress table (250 rows), each against the bare
 * route, so their ratios read beside the lesson page's.
 */
const CLASSES = 20;
const FULL_LEARNERS = 250;
const LESSONS = ["chuong-trinh-ocop-la-gi", "chu-the-va-nhom-san-pham", "chu-trinh-ocop-hang-nam"];

async function seedClasses(server: Server, learners: number): Promise<number> {
  const db = createDb(server.databaseUrl);
  try {
    const province = await db.unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "HT" } });
    const trainer = await db.user.findFirstOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === "trainer")!.email } });
    let first = 0;
    for (let k = 0; k < CLASSES; k++) {
      const course = await db.course.create({
        data: {
          code: `BENCH-${k}`,
          title: `Lớp đo tải ${k + 1}`,
          unitId: province.id,
          enrolmentCode: `BENCH${k}`,
          startsOn: new Date(Date.UTC(2026, 0, 1 + k)),
          endsOn: new Date(Date.UTC(2026, 11, 31)),
          trainers: { create: { userId: trainer.id } },
          modules: {
            create: ["kien-thuc-chung", "tieu-chi-danh-gia", "chinh-sach-ho-tro", "phuong-an-san-xuat-kinh-doanh"].map((module, position) => ({
              module,
              position,
            })),
          },
        },
      });
      if (k === 0) first = course.id;
      await db.user.createMany({
        data: Array.from({ length: learners }, (_, i) => ({ fullName: `Học viên ${k}-${i}`, email: `bench-${k}-${i}@example.vn`, unitId: province.id })),
      });
      const users = await db.user.findMany({ where: { email: { startsWith: `bench-${k}-` } }, select: { id: true } });
      await db.enrolment.createMany({ data: users.map((u) => ({ courseId: course.id, userId: u.id })) });
      const enrolments = await db.enrolment.findMany({ where: { courseId: course.id }, select: { id: true } });
      await db.lessonProgress.createMany({
        data: enrolments.flatMap((e) => LESSONS.map((lesson) => ({ enrolmentId: e.id, module: "kien-thuc-chung", lesson }))),
      });
    }
    return first;
  } finally {
    await db.$disconnect();
  }
}

export const classList: Scenario = {
  name: "class-list",
  description: `Province admin GET /khoa-hoc over ${CLASSES} classes of ${FULL_LEARNERS} learners each (plus the demo class)`,
  baseline: "hello",
  repeatable: true,
  prepare: async (server, mode) => {
    await seedClasses(server, mode.smoke ? 20 : FULL_LEARNERS);
    const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
    const cookie = await loginCookie(server, admin.email, DEMO_PASSWORD);
    const url = `${server.url}/khoa-hoc`;
    const res = await fetch(url, { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200 || !html.includes(`Lớp đo tải ${CLASSES}`)) throw new Error(`class list answered ${res.status} without the seeded classes`);
    return { url, headers: { cookie } };
  },
};

/** The trainer's page of one class among the twenty: what it costs must not grow with the classes' rosters. */
export const classPage: Scenario = {
  name: "class-page",
  description: `Trainer GET of one class's page (its modules, lessons and links) among ${CLASSES} classes of ${FULL_LEARNERS} learners`,
  baseline: "hello",
  repeatable: true,
  prepare: async (server, mode) => {
    const courseId = await seedClasses(server, mode.smoke ? 20 : FULL_LEARNERS);
    const trainer = DEMO_ACCOUNTS.find((a) => a.role === "trainer")!;
    const cookie = await loginCookie(server, trainer.email, DEMO_PASSWORD);
    const url = `${server.url}/khoa-hoc/${courseId}`;
    const res = await fetch(url, { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200 || !html.includes("Lớp đo tải 1") || !html.includes(`/khoa-hoc/${courseId}/tien-do`))
      throw new Error(`class page answered ${res.status} without the class and its progress link`);
    return { url, headers: { cookie } };
  },
};

/** The class's progress table: all 250 learners in one page, so it costs what 250 rows cost (no target of its own). */
export const classProgress: Scenario = {
  name: "class-progress",
  description: `Trainer GET of one class's progress table (${FULL_LEARNERS} learners, three lessons done each) among ${CLASSES} such classes`,
  baseline: "hello",
  repeatable: true,
  prepare: async (server, mode) => {
    const learners = mode.smoke ? 20 : FULL_LEARNERS;
    const courseId = await seedClasses(server, learners);
    const trainer = DEMO_ACCOUNTS.find((a) => a.role === "trainer")!;
    const cookie = await loginCookie(server, trainer.email, DEMO_PASSWORD);
    const url = `${server.url}/khoa-hoc/${courseId}/tien-do`;
    const res = await fetch(url, { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200 || !html.includes(`Học viên 0-${learners - 1}`)) throw new Error(`class progress answered ${res.status} without its learners`);
    return { url, headers: { cookie } };
  },
};
