// Demo attendance: four class sessions of the seeded course (one per topic), the first two marked.
import { newSecret } from "../app/attendance/checkin-code";
import type { Db } from "../app/db/db.server";
import { COURSE, prng } from "./demo-data";

export const DEMO_SESSIONS = [
  { title: "Chuyên đề 1: Kiến thức chung về Chương trình OCOP", date: "2026-11-02" },
  { title: "Chuyên đề 2: Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP", date: "2026-11-03" },
  { title: "Chuyên đề 3: Một số chính sách hỗ trợ", date: "2026-11-04" },
  { title: "Chuyên đề 4: Phương án sản xuất kinh doanh", date: "2026-11-05" },
];

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function seedAttendance(tx: Tx) {
  const course = await tx.course.findUniqueOrThrow({ where: { code: COURSE.code }, select: { id: true, trainers: { select: { userId: true } } } });
  const learners = await tx.enrolment.findMany({ where: { courseId: course.id }, select: { userId: true }, orderBy: { userId: "asc" } });
  const trainerId = course.trainers[0]?.userId ?? null;
  const rand = prng(148);
  for (const [i, s] of DEMO_SESSIONS.entries()) {
    const session = await tx.classSession.create({
      data: {
        courseId: course.id,
        title: s.title,
        startsAt: new Date(`${s.date}T01:00:00Z`), // 08:00 in Hà Tĩnh
        endsAt: new Date(`${s.date}T04:30:00Z`), // 11:30
        place: "Hội trường Văn phòng Điều phối NTM tỉnh",
        trainerId,
        checkinSecret: newSecret(),
      },
    });
    if (i >= 2) continue;
    await tx.attendance.createMany({
      data: learners.map(({ userId }) => {
        const r = rand();
        const status = r < 0.86 ? "PRESENT" : r < 0.93 ? "LATE" : r < 0.97 ? "EXCUSED" : "ABSENT";
        return { sessionId: session.id, userId, status, source: "MANUAL", markedById: trainerId, markedAt: new Date(`${s.date}T02:00:00Z`) };
      }),
    });
  }
}
