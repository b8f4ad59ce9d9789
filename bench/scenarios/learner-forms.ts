import fs from "node:fs";
import type { Server } from "../harness";

/** What the scenarios that walk a learner through a class need: a module's quiz answered right, a session opened now. */
type Question = { id: string; type: string; correct?: string[] | boolean; answer?: number };

/** A module's quiz (`content/modules/<folder>/quiz.json`): its submit form with every answer right. */
export function rightAnswersOf(folder: string): (token: string) => URLSearchParams {
  const quiz = JSON.parse(fs.readFileSync(`content/modules/${folder}/quiz.json`, "utf8")) as { questions: Question[] };
  return (token) => {
    const p = new URLSearchParams({ intent: "submit", token });
    for (const q of quiz.questions) {
      if (q.type === "numeric") p.append(`a.${q.id}`, String(q.answer));
      else if (q.type === "true-false") p.append(`a.${q.id}`, String(q.correct));
      else for (const id of q.correct as string[]) p.append(`a.${q.id}`, id);
    }
    return p;
  };
}

/**
 * The date and time fields of the session form, `offsetMin` from now in Vietnam's time (UTC+7),
 * clamped to today: a session cannot cross midnight, and a run near midnight must still open one.
 */
export function vnNow(offsetMin: number) {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const at = new Date(Date.now() + 7 * 3600_000 + offsetMin * 60_000).toISOString();
  return { date: today, time: at.slice(0, 10) === today ? at.slice(11, 16) : offsetMin < 0 ? "00:00" : "23:59" };
}

export type SessionOptions = { title: string; rotateSeconds: number; lateAfterMin: number; startedMinAgo?: number };

/**
 * The trainer opens a session of the demo class through its form, from a few minutes ago to two hours
 * on (within today), with 15 min of grace before and 30 after; its id and check-in secret.
 */
export async function openSession(server: Server, trainer: string, o: SessionOptions): Promise<{ id: number; secret: string; start: number }> {
  const [from, to] = [vnNow(-(o.startedMinAgo ?? 5)), vnNow(120)];
  const fields = { intent: "create", title: o.title, date: from.date, start: from.time, end: to.time };
  const rules = { rotateSeconds: String(o.rotateSeconds), graceBeforeMin: "15", graceAfterMin: "30", lateAfterMin: String(o.lateAfterMin) };
  const created = await fetch(`${server.url}/khoa-hoc/1/diem-danh?index`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: trainer, origin: server.url },
    body: new URLSearchParams({ ...fields, ...rules }),
  });
  if (created.status !== 200) throw new Error(`creating the session failed: ${created.status} (${from.date} ${from.time}–${to.time})`);
  const [s] = await server.db.all<{ id: number; secret: string }>('SELECT id, "checkinSecret" AS secret FROM "ClassSession" ORDER BY id DESC LIMIT 1');
  return { ...s, start: Date.parse(`${from.date}T${from.time}:00+07:00`) };
}
