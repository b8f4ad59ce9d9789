import type { ContentIndex } from "./compile.server";
import { getContent } from "./content.server";
import type { OutlineModule } from "./progress";

/** The course outline (no lesson bodies): every course uses the four content modules. Shared: read, never changed. */
export async function getOutline(): Promise<OutlineModule[]> {
  const index = await getContent();
  let outline = outlines.get(index);
  if (!outline) outlines.set(index, (outline = outlineOf(index)));
  return outline;
}

// Made once per content index (production reads one for its whole life; development a new one per change).
const outlines = new WeakMap<ContentIndex, OutlineModule[]>();
function outlineOf(index: ContentIndex): OutlineModule[] {
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
}
