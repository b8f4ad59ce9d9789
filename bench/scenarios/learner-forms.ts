import fs from "node:fs";

/** What the scenarios that walk a learner through a class need: a module's quiz answered right, a session's times. */
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

/** The date and time fields of the session form, `offsetMin` from now, in Vietnam's time (UTC+7). */
export function vnNow(offsetMin: number) {
  const at = new Date(Date.now() + 7 * 3600_000 + offsetMin * 60_000).toISOString();
  return { date: at.slice(0, 10), time: at.slice(11, 16) };
}
