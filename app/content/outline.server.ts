import { getContent } from "./content.server";
import type { OutlineModule } from "./progress";

/** The course outline (no lesson bodies): every course uses the four content modules. */
export async function getOutline(): Promise<OutlineModule[]> {
  const index = await getContent();
  return index.modules.map((m) => ({
    slug: m.slug,
    order: m.order,
    title: m.title,
    hasQuiz: m.quiz !== null,
    lessons: m.lessons.map((l) => ({ slug: l.slug, title: l.title, minutes: l.minutes })),
  }));
}
