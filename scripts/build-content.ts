// `npm run build` runs this before `remix build`: validates and compiles content/ into
// generated/content.json, which the production server reads (no MDX compile on the request path).
import fs from "node:fs";
import path from "node:path";
import { buildContent } from "~/content/compile.server";
import { CONTENT_FILE } from "~/content/location";

const started = Date.now();
try {
  const index = await buildContent();
  fs.mkdirSync(path.dirname(CONTENT_FILE), { recursive: true });
  fs.writeFileSync(CONTENT_FILE, JSON.stringify(index));
  const lessons = index.modules.reduce((n, m) => n + m.lessons.length, 0);
  console.log(`content: ${index.modules.length} modules, ${lessons} lessons → ${path.relative(process.cwd(), CONTENT_FILE)} (${Date.now() - started} ms)`);
} catch (error) {
  console.error(`content build failed:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
