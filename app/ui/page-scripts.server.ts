import fs from "node:fs";
import path from "node:path";

/**
 * The URL of a plain-document page's own script (docs/decisions/0057), from the build's
 * build/page-scripts.json (scripts/build-page-scripts.ts); null before a build, and the page then
 * works as it does without JavaScript. Read once: a deploy restarts the server.
 */
let names: Record<string, string> | undefined;

export function pageScript(name: "checkin" | "quiz"): string | null {
  if (!names) {
    try {
      names = JSON.parse(fs.readFileSync(path.resolve("build/page-scripts.json"), "utf8")) as Record<string, string>;
    } catch {
      return null;
    }
  }
  return names[name] ?? null;
}
