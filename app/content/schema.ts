import { z } from "zod";

/**
 * The shape of the training content in `content/modules/NN-<slug>/`: `module.json`, one MDX file
 * per lesson (frontmatter below) and `quiz.json` (see app/quiz/schema.ts). A file that does not
 * match fails the content build and the tests with the file path and the field.
 */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case ascii slug (a-z, 0-9, -)");

export const moduleSchema = z.strictObject({
  slug,
  order: z.number().int().min(1).max(99),
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().min(10).max(1000),
});
export type ModuleMeta = z.infer<typeof moduleSchema>;

export const sourceSchema = z.strictObject({
  issuer: z.string().trim().min(2).max(200),
  number: z.string().trim().min(1).max(100),
  date: z.string().regex(/^\d{2}\/\d{2}\/\d{4}$|^\d{4}$/, "must be dd/MM/yyyy (or a year)"),
  title: z.string().trim().min(3).max(400),
});

export const frontmatterSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  slug,
  module: slug,
  order: z.number().int().min(1).max(99),
  minutes: z.number().int().min(1).max(240),
  summary: z.string().trim().min(10).max(1000),
  sources: z.array(sourceSchema).min(1, "at least one source"),
});
export type LessonFrontmatter = z.infer<typeof frontmatterSchema>;

/** A content error that names the file and the field (and the question, for quizzes). */
export class ContentError extends Error {
  constructor(
    public file: string,
    public details: string[],
  ) {
    super(`${file}:\n  ${details.join("\n  ")}`);
    this.name = "ContentError";
  }
}

/** "questions.3.options.1.id" → "questions[3] (id q4) › options[1] › id" when the question has an id. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): string[] {
  return issues.map((issue) => {
    const parts: string[] = [];
    let node: unknown = input;
    for (const key of issue.path) {
      node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
      if (typeof key === "number") {
        const id = node && typeof node === "object" && typeof (node as { id?: unknown }).id === "string" ? (node as { id: string }).id : null;
        parts[parts.length - 1] += `[${key}]${id ? ` (id ${id})` : ""}`;
      } else parts.push(String(key));
    }
    const field = parts.length ? parts.join(" › ") : "(file)";
    return `${field}: ${issue.message}`;
  });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ContentError(file, describeIssues(result.error.issues, input));
  return result.data;
}
