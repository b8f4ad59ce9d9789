import path from "node:path";

/** Where scripts/build-content.ts writes the compiled content (git-ignored, under /generated). */
export const CONTENT_FILE = path.resolve("generated/content.json");
