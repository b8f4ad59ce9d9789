import fs from "node:fs";
import { type CompiledLesson, type CompiledModule, type ContentIndex, buildContent } from "./compile.server";
import { CONTENT_FILE } from "./location";

/**
 * The content the server uses. Production (and tests) read generated/content.json, written by
 * `npm run build` (scripts/build-content.ts), once; development compiles lazily from content/,
 * recompiling only the files whose mtime changed. Nothing is compiled on a production request.
 */
let compiled: ContentIndex | null = null;
const devCache = new Map<string, { mtimeMs: number; value: unknown }>();

export async function getContent(): Promise<ContentIndex> {
  const env = process.env.NODE_ENV;
  if (env === "production" || env === "test") {
    if (!compiled) {
      if (!fs.existsSync(CONTENT_FILE)) throw new Error(`${CONTENT_FILE} is missing: run \`npm run build\` (it compiles content/ first).`);
      compiled = JSON.parse(fs.readFileSync(CONTENT_FILE, "utf8")) as ContentIndex;
    }
    return compiled;
  }
  return buildContent(undefined, devCache);
}

export type LessonLookup = {
  module: CompiledModule;
  lesson: CompiledLesson;
  prev: { module: string; slug: string; title: string } | null;
  next: { module: string; slug: string; title: string } | null;
};

/** A lesson with its neighbours in course order (across modules), or null. Shared: callers read it, never change it. */
export function findLesson(index: ContentIndex, moduleSlug: string, lessonSlug: string): LessonLookup | null {
  return lookupsOf(index).get(`${moduleSlug}/${lessonSlug}`) ?? null;
}

/**
 * `make` run once per content index and remembered: production reads one index for its whole life,
 * development a new one per change, so a derived table never outlives the content it came from.
 */
export function perContentIndex<T>(make: (index: ContentIndex) => T): (index: ContentIndex) => T {
  const made = new WeakMap<ContentIndex, T>();
  return (index) => {
    let value = made.get(index);
    if (value === undefined) made.set(index, (value = make(index)));
    return value;
  };
}

// Every lesson's lookup, made once: the lesson page asks for one on every request.
const lookupsOf = perContentIndex((index) => {
  const flat = index.modules.flatMap((m) => m.lessons.map((l) => ({ m, l })));
  const ref = (x: (typeof flat)[number] | undefined) => (x ? { module: x.m.slug, slug: x.l.slug, title: x.l.title } : null);
  return new Map<string, LessonLookup>(
    flat.map(({ m, l }, i) => [`${m.slug}/${l.slug}`, { module: m, lesson: l, prev: ref(flat[i - 1]), next: ref(flat[i + 1]) }]),
  );
});
