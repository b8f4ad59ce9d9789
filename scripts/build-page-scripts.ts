// After `remix build`: the scripts of the pages that are plain documents (docs/decisions/0057), each
// bundled on its own, minified, under a name that changes with its content (public/build/pages/),
// and build/page-scripts.json naming them for the server (app/ui/page-scripts.server.ts).
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

/** A page's name → its entry. */
export const PAGE_SCRIPTS = { checkin: "app/attendance/checkin-page.client.ts", quiz: "app/quiz/quiz-page.client.ts" } as const;

const out = "public/build/pages";
fs.rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: Object.entries(PAGE_SCRIPTS).map(([name, file]) => ({ in: file, out: name })),
  outdir: out,
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  sourcemap: true, // for the bundle check (scripts/check-bundles.ts), which then deletes the maps
  format: "iife",
  target: "es2019",
  alias: { "~": path.resolve("app") },
  metafile: true,
  logLevel: "warning",
});
const names: Record<string, string> = {};
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  const name = Object.entries(PAGE_SCRIPTS).find(([, entry]) => meta.entryPoint === entry)?.[0];
  if (!name || !meta.entryPoint) continue;
  names[name] = "/" + path.relative("public", file).split(path.sep).join("/");
  console.log(`page script ${name}: ${names[name]}, ${meta.bytes} bytes`);
}
fs.mkdirSync("build", { recursive: true });
fs.writeFileSync("build/page-scripts.json", JSON.stringify(names, null, 2) + "\n");
