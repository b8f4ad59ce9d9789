import { LESSON_BODY_LIMIT_BYTES } from "./limits";

/**
 * What a local lesson's Markdown may be before it is parsed: at most 100 KB, and not nested past
 * a few dozen levels. The parser's cost grows much faster than the text with deep nesting
 * (quotes in quotes, lists in lists), so such a text is refused instead of tying up the server.
 */
export const MAX_NESTING = 32;

export type BodyCheck = { ok: true } | { ok: false; reason: "required" | "tooLarge" | "tooDeep" };

export function checkLessonBody(body: string): BodyCheck {
  if (!body.trim()) return { ok: false, reason: "required" };
  if (new TextEncoder().encode(body).byteLength > LESSON_BODY_LIMIT_BYTES) return { ok: false, reason: "tooLarge" };
  if (nestingDepth(body) > MAX_NESTING) return { ok: false, reason: "tooDeep" };
  return { ok: true };
}

/** An upper bound of container nesting: the quote markers and indentation that open each line. */
export function nestingDepth(body: string): number {
  let deepest = 0;
  for (const line of body.split("\n")) {
    const prefix = /^[\s>*+\-.)\d]*/.exec(line)?.[0] ?? "";
    let depth = 0;
    for (const ch of prefix) depth += ch === ">" ? 1 : ch === "\t" ? 2 : ch === " " ? 0.5 : 0;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
