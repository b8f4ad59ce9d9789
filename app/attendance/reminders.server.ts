import { now } from "~/appraisal/clock.server";
import { db } from "~/db/db.server";
import { formatDate, formatTime, vnDay, vnDayStart } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { notify } from "~/notifications/notifications.server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Learners hear of a session this long before it starts (those who turned the reminder on). */
export const SESSION_SOON_MS = 60 * 60 * 1000;
/** The evening message names at most this many people who have not activated their account. */
export const PENDING_NAMES_SHOWN = 10;

const sessionSelect = { id: true, courseId: true, title: true, startsAt: true, place: true, trainerId: true, course: { select: { title: true } } } as const;

/**
 * The trainers' evening message (run at 19:00): each scheduled session starting before the end of
 * the next Vietnamese day tells its trainer (or, with none named, the class's trainers) the roster
 * size and who has not activated their account yet. The key names the session and its start, so a
 * re-run tells nobody twice and a moved session is told again. Returns how many sessions were told.
 */
export async function remindTrainersOfTomorrow(at = now()): Promise<number> {
  const until = new Date(vnDayStart(vnDay(at)).getTime() + 2 * DAY_MS);
  const sessions = await db().classSession.findMany({ where: { status: "SCHEDULED", startsAt: { gt: at, lt: until } }, select: sessionSelect });
  for (const s of sessions) {
    const [size, pending, trainers] = await Promise.all([
      db().enrolment.count({ where: { courseId: s.courseId } }),
      db().user.findMany({
        where: { passwordHash: null, enrolments: { some: { courseId: s.courseId } } },
        select: { fullName: true },
        orderBy: { fullName: "asc" },
      }),
      s.trainerId
        ? [s.trainerId]
        : db()
            .courseTrainer.findMany({ where: { courseId: s.courseId }, select: { userId: true } })
            .then((rows) => rows.map((r) => r.userId)),
    ]);
    const names = pending.slice(0, PENDING_NAMES_SHOWN).map((p) => p.fullName);
    const more = pending.length - names.length;
    const pendingText = !pending.length
      ? t("att.notify.allActive")
      : t(more ? "att.notify.pendingMore" : "att.notify.pending", { count: pending.length, names: names.join(", "), more });
    await db().$transaction((tx) =>
      notify(tx, {
        kind: "class.session-eve",
        key: `session:${s.id}:${s.startsAt.toISOString()}:eve`,
        to: trainers,
        params: { ...described(s), size, pending: pendingText },
        link: `/khoa-hoc/${s.courseId}/diem-danh/${s.id}`,
      }),
    );
  }
  return sessions.length;
}

/**
 * Learners of a class hear that its session starts within the hour. The kind is opt-in, so notify
 * tells only those who turned it on. Returns how many sessions were due a reminder.
 */
export async function remindLearnersOfSessionSoon(at = now()): Promise<number> {
  const sessions = await db().classSession.findMany({
    where: { status: "SCHEDULED", startsAt: { gt: at, lte: new Date(at.getTime() + SESSION_SOON_MS) } },
    select: sessionSelect,
  });
  for (const s of sessions) {
    const learners = await db().enrolment.findMany({ where: { courseId: s.courseId }, select: { userId: true } });
    await db().$transaction((tx) =>
      notify(tx, {
        kind: "class.session-soon",
        key: `session:${s.id}:${s.startsAt.toISOString()}:soon`,
        to: learners.map((l) => l.userId),
        params: described(s),
        link: "/diem-danh",
      }),
    );
  }
  return sessions.length;
}

function described(s: { title: string; startsAt: Date; place: string; course: { title: string } }) {
  return {
    course: s.course.title,
    session: s.title || t("att.notify.untitledSession"),
    date: formatDate(s.startsAt),
    time: formatTime(s.startsAt),
    place: s.place || t("att.notify.noPlace"),
  };
}
