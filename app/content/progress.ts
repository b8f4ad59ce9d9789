/**
 * Learner progress, pure: which lessons (and passed quizzes) of the course outline are done,
 * per module and for the course, and where to resume.
 */
export type OutlineLesson = { slug: string; title: string; minutes: number };
export type OutlineModule = { slug: string; order: number; title: string; lessons: OutlineLesson[]; hasQuiz: boolean };
export type Done = { module: string; lesson: string; at: Date | string };

/** The key of a quiz in the "done" set: a module counts its passed quiz as one more step. */
export const QUIZ_STEP = "#quiz";
export const stepKey = (module: string, lesson: string) => `${module}/${lesson}`;

export type ModuleProgress = { slug: string; done: number; total: number; percent: number };
export type Progress = {
  modules: ModuleProgress[];
  done: number;
  total: number;
  percent: number;
  /** Where the learner left off: the first unfinished lesson after the latest one finished. */
  next: { module: string; slug: string; title: string } | null;
  last: Date | null;
};

export const percentOf = (done: number, total: number) => (total === 0 ? 0 : Math.floor((done / total) * 100));

export function computeProgress(outline: OutlineModule[], done: readonly Done[]): Progress {
  const keys = new Set(done.map((d) => stepKey(d.module, d.lesson)));
  const modules = outline.map((m) => {
    const steps = m.lessons.map((l) => stepKey(m.slug, l.slug));
    if (m.hasQuiz) steps.push(stepKey(m.slug, QUIZ_STEP));
    const n = steps.filter((s) => keys.has(s)).length;
    return { slug: m.slug, done: n, total: steps.length, percent: percentOf(n, steps.length) };
  });
  const total = modules.reduce((s, m) => s + m.total, 0);
  const finished = modules.reduce((s, m) => s + m.done, 0);

  const flat = outline.flatMap((m) => m.lessons.map((l) => ({ module: m.slug, slug: l.slug, title: l.title })));
  let latest: Done | null = null;
  for (const d of done) if (d.lesson !== QUIZ_STEP && (!latest || new Date(d.at) > new Date(latest.at))) latest = d;
  const from = latest ? flat.findIndex((l) => l.module === latest!.module && l.slug === latest!.lesson) + 1 : 0;
  const ordered = [...flat.slice(from), ...flat.slice(0, from)];
  const next = ordered.find((l) => !keys.has(stepKey(l.module, l.slug))) ?? null;
  const last = done.reduce<Date | null>((acc, d) => (!acc || new Date(d.at) > acc ? new Date(d.at) : acc), null);
  return { modules, done: finished, total, percent: percentOf(finished, total), next, last };
}
