// Build check (run by `npm run build`, right after `remix build --sourcemap`): no server-only
// module in any client chunk, and each learner page within its JavaScript budget. The chunks'
// source maps name every input file, which is how a chunk's contents are known; the maps are
// deleted afterwards so the sources are not served. See docs/decisions/0019.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { admin } from "../app/i18n/vi/admin";
import { appraisal } from "../app/i18n/vi/appraisal";
import { attendance } from "../app/i18n/vi/attendance";
import { checkin } from "../app/i18n/vi/checkin";
import { offline } from "../app/i18n/vi/offline";
import { materials } from "../app/i18n/vi/materials";
import { notifications } from "../app/i18n/vi/notifications";
import { account } from "../app/i18n/vi/account";
import { classes } from "../app/i18n/vi/classes";
import { plans } from "../app/i18n/vi/plans";
import { quiz } from "../app/i18n/vi/quiz";
import { quizTrainer } from "../app/i18n/vi/quiz-trainer";

/** Input files that must never reach a browser (matched against source-map paths). */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: "zod", pattern: /node_modules\/zod\// },
  { name: "Prisma", pattern: /node_modules\/(@prisma|prisma|\.prisma)\/|\/generated\/prisma\// },
  { name: "better-sqlite3", pattern: /node_modules\/better-sqlite3\// },
  { name: "argon2", pattern: /node_modules\/(@node-rs\/argon2|argon2)/ },
  { name: "exceljs", pattern: /node_modules\/exceljs\// },
  // Remix replaces a `.server` import with an empty stub ("empty-module:~/x.server"): that is
  // no code. A real path ending in .server.* means its code was bundled.
  { name: "*.server module", pattern: /^(?!empty-module:).*\.server(\.[cm]?[jt]sx?)?$/ },
];

/** Message catalogues loaded on demand (app/i18n/messages.ts): the module that loads each, and its keys. */
const ON_DEMAND: { loader: string; keys: Set<string> }[] = [
  { loader: "app/i18n/checkin.ts", keys: new Set(Object.keys(checkin)) },
  { loader: "app/i18n/attendance.ts", keys: new Set(Object.keys(attendance)) },
  { loader: "app/i18n/classes.ts", keys: new Set(Object.keys(classes)) },
  { loader: "app/i18n/account.ts", keys: new Set(Object.keys(account)) },
  { loader: "app/i18n/officer.ts", keys: new Set(Object.keys({ ...admin, ...plans, ...appraisal })) },
  { loader: "app/i18n/materials.ts", keys: new Set(Object.keys(materials)) },
  { loader: "app/i18n/notifications.ts", keys: new Set(Object.keys(notifications)) },
  { loader: "app/i18n/quiz.ts", keys: new Set(Object.keys(quiz)) },
  { loader: "app/i18n/quiz-trainer.ts", keys: new Set(Object.keys(quizTrainer)) },
  { loader: "app/i18n/offline.ts", keys: new Set(Object.keys(offline)) },
];

/** Learner pages and their budget: every JS file the browser loads for the page, gzipped. */
export const LEARNER_PAGES: Record<string, string> = {
  home: "routes/_index",
  lesson: "routes/khoa-hoc.$courseId.hoc.$moduleSlug.$lessonSlug",
  quiz: "routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug",
  "check-in": "routes/diem-danh",
};
export const BUDGET_GZIP_BYTES = 100 * 1024;
/** Learner pages that are plain documents (docs/decisions/0057): no route chunks, at most their own script (build/page-scripts.json). */
export const DOCUMENT_PAGES: Record<string, string | null> = { quiz: "quiz", "check-in": "checkin" };

type Source = { file: string; content: string };
type Manifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
};
export type PageFigure = { page: string; route: string; files: number; raw: number; gzip: number };
export type BundleReport = { violations: string[]; pages: PageFigure[] };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * `publicDir` holds `build/` (what Remix serves at /build/…). `pageScripts`: the URL of each plain-document page's
 * script (scripts/build-page-scripts.ts), by its name in DOCUMENT_PAGES; without it every page counts its route chunks.
 */
export function checkBundles(publicDir: string, budget = BUDGET_GZIP_BYTES, pageScripts?: Record<string, string>): BundleReport {
  const buildDir = path.join(publicDir, "build");
  const projectDir = path.dirname(publicDir);
  const violations: string[] = [];
  const files = walk(buildDir);
  /** each chunk's input files (project-relative paths), by the URL the browser loads it from */
  const sourcesOf = new Map<string, Source[]>();
  const chunks = files.filter((f) => f.endsWith(".js") && !path.basename(f).startsWith("manifest-"));
  for (const chunk of chunks) {
    const rel = path.relative(publicDir, chunk);
    if (!fs.existsSync(`${chunk}.map`)) {
      violations.push(`${rel}: no source map (build with \`remix build --sourcemap\`), its contents cannot be checked`);
      continue;
    }
    const map = JSON.parse(fs.readFileSync(`${chunk}.map`, "utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
    const { sources } = map;
    sourcesOf.set(
      `/${rel}`,
      sources.map((s, i) => ({
        file: s.startsWith("empty-module:") ? s : path.relative(projectDir, path.resolve(path.dirname(chunk), s)),
        content: map.sourcesContent?.[i] ?? "",
      })),
    );
    for (const { name, pattern } of FORBIDDEN) {
      const hits = sources.filter((s) => pattern.test(s));
      if (hits.length > 0) violations.push(`${rel}: ${name} in a client chunk (${hits.slice(0, 2).join(", ")}${hits.length > 2 ? ", …" : ""})`);
    }
  }

  const manifestFile = files.find((f) => /\/manifest-[0-9A-F]+\.js$/i.test(f));
  if (!manifestFile) return { violations: [...violations, "no Remix manifest (public/build/manifest-*.js)"], pages: [] };
  const manifest = JSON.parse(
    fs
      .readFileSync(manifestFile, "utf8")
      .replace(/^window\.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as Manifest;
  /** What a page's document loads: the entry, then every route from root to the page, each with its shared chunks. */
  const pageUrls = (routeId: string) => {
    const urls = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
    const chain: string[] = [];
    for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
    for (const id of chain) for (const url of [manifest.routes[id].module, ...(manifest.routes[id].imports ?? [])]) urls.add(url);
    return urls;
  };

  for (const routeId of Object.keys(manifest.routes)) {
    const sources = [...pageUrls(routeId)].flatMap((url) => sourcesOf.get(url) ?? []);
    violations.push(...missingMessages(routeId, sources));
  }

  const pages: PageFigure[] = [];
  for (const [page, routeId] of Object.entries(LEARNER_PAGES)) {
    if (!manifest.routes[routeId]) {
      violations.push(`${page}: route ${routeId} is not in the manifest`);
      continue;
    }
    const scriptName = DOCUMENT_PAGES[page];
    const script = scriptName && pageScripts ? pageScripts[scriptName] : undefined;
    if (scriptName && pageScripts && !script) violations.push(`${page}: no page script named ${scriptName}`);
    const document = pageScripts && page in DOCUMENT_PAGES;
    const urls = document ? new Set(script ? [script] : []) : pageUrls(routeId);
    let raw = 0;
    let gzip = 0;
    for (const url of urls) {
      const bytes = fs.readFileSync(path.join(publicDir, url));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    pages.push({ page, route: routeId, files: urls.size, raw, gzip });
    if (gzip > budget) violations.push(`${page}: ${kb(gzip)} gzipped JavaScript, over the ${kb(budget)} budget`);
  }
  return { violations, pages };
}

/**
 * A page whose code names a key of an on-demand catalogue (a literal "att.checkin.title", or a
 * template `att.status.${s}`) must load that catalogue, or the browser would show the bare key.
 */
function missingMessages(routeId: string, sources: Source[]): string[] {
  const loaded = new Set(sources.map((s) => s.file));
  const out: string[] = [];
  for (const { loader, keys } of ON_DEMAND) {
    if (loaded.has(loader)) continue;
    for (const { file, content } of sources) {
      if (file.startsWith("app/i18n/")) continue;
      const used = [...content.matchAll(/["'`]([A-Za-z][\w-]*\.[\w.-]*)/g)]
        .map((m) => m[1])
        .find((lit) => keys.has(lit) || (lit.endsWith(".") && [...keys].some((k) => k.startsWith(lit))));
      if (used) out.push(`${routeId}: ${file} uses the message "${used}" but the page does not load ${loader} (import "~/${loader.slice(4, -3)}" there)`);
    }
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Source maps are for this check only: not served next to the app. */
function removeSourceMaps(publicDir: string) {
  for (const f of walk(path.join(publicDir, "build"))) if (f.endsWith(".js.map")) fs.rmSync(f);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const publicDir = path.resolve("public");
  const namesFile = path.resolve("build/page-scripts.json");
  if (!fs.existsSync(namesFile)) throw new Error("build/page-scripts.json is missing: run scripts/build-page-scripts.ts first");
  const { violations, pages } = checkBundles(publicDir, BUDGET_GZIP_BYTES, JSON.parse(fs.readFileSync(namesFile, "utf8")));
  removeSourceMaps(publicDir);
  console.log("JavaScript per learner page (entry + root + route, shared chunks included; a plain document's own script):");
  for (const p of pages)
    console.log(`  ${p.page.padEnd(9)} ${String(p.files).padStart(2)} files  ${kb(p.raw).padStart(9)} raw  ${kb(p.gzip).padStart(8)} gzipped`);
  if (violations.length > 0) {
    console.error(`\nBundle check failed:\n${violations.map((v) => `  - ${v}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`Bundle check passed: no server-only module in a client chunk, every learner page ≤ ${kb(BUDGET_GZIP_BYTES)} gzipped.`);
}
