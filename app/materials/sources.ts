import { SOURCES_MAX } from "./limits";

/**
 * A local lesson's sources, cited like the shipped lessons' (issuer, number, date, title). The form
 * takes one per line, the four parts separated by "|", so a trainer can paste them from a list.
 */
export type Source = { issuer: string; number: string; date: string; title: string };

const DATE = /^\d{2}\/\d{2}\/\d{4}$|^\d{4}$/;

export type SourcesParse = { ok: true; sources: Source[] } | { ok: false; line: number; reason: "parts" | "date" | "tooMany" };

export function parseSources(text: string): SourcesParse {
  const lines = text.split(/\r?\n/).map((l, i) => ({ text: l.trim(), line: i + 1 }));
  const filled = lines.filter((l) => l.text);
  if (filled.length > SOURCES_MAX) return { ok: false, line: filled[SOURCES_MAX].line, reason: "tooMany" };
  const sources: Source[] = [];
  for (const { text: l, line } of filled) {
    const parts = l.split("|").map((p) => p.trim());
    if (parts.length !== 4 || parts.some((p) => !p || p.length > 400)) return { ok: false, line, reason: "parts" };
    const [issuer, number, date, title] = parts;
    if (!DATE.test(date)) return { ok: false, line, reason: "date" };
    sources.push({ issuer, number, date, title });
  }
  return { ok: true, sources };
}

/** The form's text for stored sources (the edit form shows what was saved). */
export function sourcesText(sources: readonly Source[]): string {
  return sources.map((s) => [s.issuer, s.number, s.date, s.title].join(" | ")).join("\n");
}

/** Stored JSON back to sources; anything malformed reads as none (it was validated when written). */
export function readSources(json: string): Source[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (s): s is Source =>
        !!s && typeof s === "object" && ["issuer", "number", "date", "title"].every((k) => typeof (s as Record<string, unknown>)[k] === "string"),
    );
  } catch {
    return [];
  }
}
