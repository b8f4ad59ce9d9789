import fs from "node:fs";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type Quiz, quizSchema } from "~/quiz/schema";
import { ISLANDS, ISLAND_ATTR, type Island, mdxComponents } from "./components";
import { remarkPipeTables } from "./pipe-tables";
import { ContentError, type LessonFrontmatter, type ModuleMeta, describeIssues, frontmatterSchema, moduleSchema, parseOrThrow } from "./schema";

/**
 * The content pipeline: `content/modules/NN-<slug>/` → validated module, lessons (MDX compiled by
 * mdx-bundler, rendered to static HTML split around interactive islands) and quiz. Run at build
 * time by scripts/build-content.ts; in development lazily, per file, cached by mtime.
 */
export type Segment = { html: string } | { island: Island };
export type CompiledLesson = LessonFrontmatter & { file: string; words: number; segments: Segment[] };
export type CompiledModule = ModuleMeta & { dir: string; lessons: CompiledLesson[]; quiz: Quiz | null };
export type ContentIndex = { builtAt: string; modules: CompiledModule[] };

export const CONTENT_DIR = path.resolve("content/modules");

const rel = (file: string) => path.relative(process.cwd(), file);

function splitIslands(html: string): Segment[] {
  const marker = new RegExp(`<div ${ISLAND_ATTR}="(${ISLANDS.join("|")})"></div>`, "g");
  const segments: Segment[] = [];
  let last = 0;
  for (const m of html.matchAll(marker)) {
    if (m.index! > last) segments.push({ html: html.slice(last, m.index) });
    segments.push({ island: m[1] as Island });
    last = m.index! + m[0].length;
  }
  if (last < html.length) segments.push({ html: html.slice(last) });
  return segments;
}

export async function compileLesson(file: string): Promise<CompiledLesson> {
  const source = fs.readFileSync(file, "utf8");
  let result;
  try {
    result = await bundleMDX({
      source,
      cwd: path.dirname(file),
      esbuildOptions: (options) => ({ ...options, logLevel: "silent" }),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkPipeTables];
        return options;
      },
    });
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors;
    const details = errors?.length
      ? errors.map((e) => `MDX${e.location ? ` (line ${e.location.line}:${e.location.column})` : ""}: ${e.text}`)
      : [`MDX: ${(error as Error).message}`];
    throw new ContentError(rel(file), details);
  }
  const fm = result.frontmatter as unknown;
  const parsed = frontmatterSchema.safeParse(fm);
  if (!parsed.success)
    throw new ContentError(
      rel(file),
      describeIssues(parsed.error.issues, fm).map((d) => `frontmatter › ${d}`),
    );
  let html: string;
  try {
    const Component = getMDXComponent(result.code);
    html = renderToStaticMarkup(createElement(Component, { components: mdxComponents }));
  } catch (error) {
    throw new ContentError(rel(file), [`render: ${(error as Error).message}`]);
  }
  const words = source
    .replace(/^---[\s\S]*?---/, "")
    .split(/\s+/)
    .filter(Boolean).length;
  // Wide tables scroll inside their own box on a phone instead of widening the page.
  html = html.replace(/<table>/g, '<div class="table-wrap"><table>').replace(/<\/table>/g, "</table></div>");
  return { ...parsed.data, file: rel(file), words, segments: splitIslands(html) };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(rel(file), [`JSON: ${(error as Error).message}`]);
  }
}

export function loadQuiz(file: string, module: ModuleMeta, lessonSlugs: string[]): Quiz {
  const input = readJson(file);
  const quiz = parseOrThrow(quizSchema, input, rel(file));
  const problems: string[] = [];
  if (quiz.module !== module.slug) problems.push(`module: "${quiz.module}" should be "${module.slug}"`);
  quiz.questions.forEach((q, i) => {
    if (!lessonSlugs.includes(q.lesson)) problems.push(`questions[${i}] (id ${q.id}) › lesson: no lesson "${q.lesson}" in this module`);
  });
  if (problems.length) throw new ContentError(rel(file), problems);
  return quiz;
}

type Cache = Map<string, { mtimeMs: number; value: unknown }>;

async function cached<T>(cache: Cache | undefined, file: string, make: () => Promise<T> | T): Promise<T> {
  if (!cache) return make();
  const mtimeMs = fs.statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
  const value = await make();
  cache.set(file, { mtimeMs, value });
  return value;
}

/** Builds the whole index; with a cache, unchanged files are not compiled again (development). */
export async function buildContent(root = CONTENT_DIR, cache?: Cache): Promise<ContentIndex> {
  const dirs = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const modules: CompiledModule[] = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    const metaFile = path.join(full, "module.json");
    if (!fs.existsSync(metaFile)) throw new ContentError(rel(metaFile), ["(file): missing module.json"]);
    const meta = await cached(cache, metaFile, () => parseOrThrow(moduleSchema, readJson(metaFile), rel(metaFile)));
    const lessonFiles = fs
      .readdirSync(full)
      .filter((f) => f.endsWith(".mdx"))
      .sort();
    const lessons: CompiledLesson[] = [];
    for (const f of lessonFiles) {
      const file = path.join(full, f);
      const lesson = await cached(cache, file, () => compileLesson(file));
      if (lesson.module !== meta.slug) throw new ContentError(lesson.file, [`frontmatter › module: "${lesson.module}" should be "${meta.slug}"`]);
      if (lessons.some((l) => l.slug === lesson.slug)) throw new ContentError(lesson.file, [`frontmatter › slug: duplicate "${lesson.slug}"`]);
      lessons.push(lesson);
    }
    lessons.sort((a, b) => a.order - b.order);
    const quizFile = path.join(full, "quiz.json");
    const quiz = fs.existsSync(quizFile)
      ? await cached(cache, quizFile, () =>
          loadQuiz(
            quizFile,
            meta,
            lessons.map((l) => l.slug),
          ),
        )
      : null;
    modules.push({ ...meta, dir, lessons, quiz });
  }
  modules.sort((a, b) => a.order - b.order);
  const slugs = modules.map((m) => m.slug);
  slugs.forEach((s, i) => {
    if (slugs.indexOf(s) !== i) throw new ContentError(rel(path.join(root, modules[i].dir, "module.json")), [`slug: duplicate "${s}"`]);
  });
  return { builtAt: new Date().toISOString(), modules };
}
