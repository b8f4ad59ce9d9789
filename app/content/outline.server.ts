import { getContent, perContentIndex } from "./content.server";
import type { OutlineModule } from "./progress";

/** The course outline (no lesson bodies): every course uses the four content modules. Shared: read, never changed. */
export async function getOutline(): Promise<OutlineModule[]> {
  return outlineOf(await getContent());
}

const outlineOf = perContentIndex((index): OutlineModule[] => {
  const modules = index.modules.map((m) =>
    Object.freeze({
      slug: m.slug,
      order: m.order,
      title: m.title,
      hasQuiz: m.quiz !== null,
      lessons: Object.freeze(m.lessons.map((l) => Object.freeze({ slug: l.slug, title: l.title, minutes: l.minutes }))),
    }),
  );
  return Object.freeze(modules) as OutlineModule[];
});
