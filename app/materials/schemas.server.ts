import { z } from "zod";
import { choice, id, intInRange } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import { checkLessonBody } from "./lesson";
import { LESSON_BODY_LIMIT_BYTES, SOURCES_MAX, TITLE_MAX } from "./limits";
import { parseSources } from "./sources";

/** zod schemas of the materials forms (Vietnamese messages at each field). */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const KB = LESSON_BODY_LIMIT_BYTES / 1024;

export const lessonSchema = z
  .object({
    title: z
      .string({ error: t("materials.error.titleRequired") })
      .trim()
      .min(1, t("materials.error.titleRequired"))
      .max(TITLE_MAX, t("materials.error.titleTooLong", { max: TITLE_MAX })),
    body: z.string({ error: t("materials.error.bodyRequired") }),
    sources: z.string().optional().default(""),
    position: z.preprocess(blankToUndefined, intInRange(1, 999, t("materials.error.positionInvalid")).optional()),
  })
  .transform((v, ctx) => {
    const body = checkLessonBody(v.body);
    if (!body.ok) {
      const message = {
        required: t("materials.error.bodyRequired"),
        tooLarge: t("materials.error.bodyTooLarge", { kb: KB }),
        tooDeep: t("materials.error.bodyTooDeep"),
      }[body.reason];
      ctx.addIssue({ code: "custom", path: ["body"], message });
    }
    const sources = parseSources(v.sources);
    if (!sources.ok) {
      const message =
        sources.reason === "tooMany"
          ? t("materials.error.sourcesTooMany", { max: SOURCES_MAX })
          : t(sources.reason === "date" ? "materials.error.sourcesDate" : "materials.error.sourcesParts", { line: sources.line });
      ctx.addIssue({ code: "custom", path: ["sources"], message });
    }
    if (!body.ok || !sources.ok) return z.NEVER;
    return { title: v.title, body: v.body, sources: sources.sources, position: v.position };
  });
export type LessonInput = z.output<typeof lessonSchema>;

export const materialsActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deleteAttachment"), attachmentId: id() }),
  z.object({ intent: z.literal("deleteLesson"), lessonId: id() }),
]);

/** The upload form's other fields (the file itself is read by app/forms/upload.server.ts). */
export const uploadFieldsSchema = z.object({
  intent: choice(["upload"]),
  lessonId: z.preprocess(blankToUndefined, id(t("materials.upload.badLesson")).optional()),
});
