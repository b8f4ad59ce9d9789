import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEARNER_PAGES, checkBundles } from "../../scripts/check-bundles";

/**
 * The build check on a small client build laid out as Remix writes it (manifest, chunks, source
 * maps naming their input files): clean, it passes; each planted violation makes it fail.
 */
type Chunk = { url: string; sources: string[]; contents?: string[]; bytes?: number };
let dir = "";

function writeBuild(extra: { routeSources?: string[]; routeContents?: string[]; sharedSources?: string[]; routeBytes?: number } = {}) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-check-"));
  const chunks: Chunk[] = [
    { url: "/build/entry.client-AAAA.js", sources: ["../../node_modules/react-dom/index.js"] },
    { url: "/build/root-BBBB.js", sources: ["../../app/root.tsx", "../../app/i18n/messages.ts"] },
    { url: "/build/_shared/chunk-CCCC.js", sources: ["empty-module:~/auth/guard.server", ...(extra.sharedSources ?? [])] },
  ];
  const routes: Record<string, object> = { root: { id: "root", path: "", module: "/build/root-BBBB.js", imports: [] } };
  for (const [page, id] of Object.entries(LEARNER_PAGES)) {
    const url = `/build/routes/${page}-DDDD.js`;
    chunks.push({ url, sources: [`../../../app/${id}.tsx`, ...(extra.routeSources ?? [])], contents: extra.routeContents, bytes: extra.routeBytes });
    routes[id] = { id, parentId: "root", module: url, imports: ["/build/_shared/chunk-CCCC.js"] };
  }
  for (const c of chunks) {
    const file = path.join(dir, c.url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // random bytes do not compress: `bytes` is then the gzipped size too
    fs.writeFileSync(file, c.bytes ? crypto.getRandomValues(new Uint8Array(c.bytes)) : `export const x = ${JSON.stringify(c.url)};\n`);
    fs.writeFileSync(`${file}.map`, JSON.stringify({ version: 3, sources: c.sources, sourcesContent: c.sources.map((_, i) => c.contents?.[i] ?? "") }));
  }
  const manifest = { entry: { module: "/build/entry.client-AAAA.js", imports: [] }, routes, version: "1" };
  fs.writeFileSync(path.join(dir, "build/manifest-1234ABCD.js"), `window.__remixManifest=${JSON.stringify(manifest)};`);
  return dir;
}

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("client bundle check", () => {
  it("passes a clean build and gives each learner page's JavaScript", () => {
    const report = checkBundles(writeBuild());
    expect(report.violations).toEqual([]);
    expect(report.pages.map((p) => p.page)).toEqual(["home", "lesson", "quiz", "check-in"]);
    for (const p of report.pages) {
      expect(p.files).toBe(4); // entry, root, route, shared chunk
      expect(p.gzip).toBeGreaterThan(0);
    }
  });

  it("fails when zod, Prisma, better-sqlite3, argon2 or exceljs is in a client chunk", () => {
    for (const [lib, source] of [
      ["zod", "../../../node_modules/zod/v4/core/core.js"],
      ["Prisma", "../../../node_modules/@prisma/client/runtime/library.js"],
      ["better-sqlite3", "../../../node_modules/better-sqlite3/lib/database.js"],
      ["argon2", "../../../node_modules/@node-rs/argon2/index.js"],
      ["exceljs", "../../../node_modules/exceljs/dist/exceljs.min.js"],
    ]) {
      const { violations } = checkBundles(writeBuild({ sharedSources: [source] }));
      expect(violations.join("\n")).toContain(`${lib} in a client chunk`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails on a .server module's code, not on Remix's empty stand-in for it", () => {
    const { violations } = checkBundles(writeBuild({ routeSources: ["../../../app/quiz/quiz.server.ts"] }));
    expect(violations.join("\n")).toContain("*.server module in a client chunk (../../../app/quiz/quiz.server.ts)");
  });

  it("fails when a learner page is over its gzipped budget", () => {
    const { violations, pages } = checkBundles(writeBuild({ routeBytes: 30_000 }), 25 * 1024);
    expect(pages.every((p) => p.gzip > 30_000)).toBe(true);
    expect(violations.filter((v) => v.includes("over the 25.0 KB budget"))).toHaveLength(4);
  });

  it("fails when a page uses an on-demand catalogue's key without loading it", () => {
    const code = 'export default () => t("att.session.create");';
    const missing = checkBundles(writeBuild({ routeContents: [code] })).violations;
    expect(missing.join("\n")).toContain('uses the message "att.session.create" but the page does not load app/i18n/attendance.ts');
    fs.rmSync(dir, { recursive: true, force: true });
    const loaded = checkBundles(writeBuild({ routeSources: ["../../../app/i18n/attendance.ts"], routeContents: [code] })).violations;
    expect(loaded).toEqual([]);
  });

  it("asks the check-in texts of their own small catalogue", () => {
    const code = 'export default () => t("att.checkin.title");';
    const missing = checkBundles(writeBuild({ routeContents: [code] })).violations;
    expect(missing.join("\n")).toContain('uses the message "att.checkin.title" but the page does not load app/i18n/checkin.ts');
    fs.rmSync(dir, { recursive: true, force: true });
    const loaded = checkBundles(writeBuild({ routeSources: ["../../../app/i18n/checkin.ts"], routeContents: [code] })).violations;
    expect(loaded).toEqual([]);
  });

  it("counts a plain-document page's own script, checks it like a chunk, and fails when it is missing", () => {
    writeBuild();
    const script = "/build/pages/checkin-EEEE.js";
    fs.mkdirSync(path.join(dir, "build/pages"));
    fs.writeFileSync(path.join(dir, script), "(()=>{})();\n");
    fs.writeFileSync(path.join(dir, `${script}.map`), JSON.stringify({ version: 3, sources: ["../../../app/attendance/checkin-page.client.ts"] }));
    const report = checkBundles(dir, undefined, { checkin: script, quiz: script });
    expect(report.violations).toEqual([]);
    expect(report.pages.find((p) => p.page === "check-in")).toMatchObject({ files: 1, raw: 12 });
    expect(report.pages.find((p) => p.page === "home")?.files).toBe(4); // a React page: entry, root, route, shared chunk
    fs.writeFileSync(path.join(dir, `${script}.map`), JSON.stringify({ version: 3, sources: ["../../../node_modules/zod/v4/core/core.js"] }));
    expect(checkBundles(dir, undefined, { checkin: script, quiz: script }).violations.join("\n")).toContain(
      "build/pages/checkin-EEEE.js: zod in a client chunk",
    );
    expect(checkBundles(dir, undefined, {}).violations).toContain("check-in: no page script named checkin");
  });

  it("fails when a chunk has no source map to read", () => {
    writeBuild();
    fs.rmSync(path.join(dir, "build/_shared/chunk-CCCC.js.map"));
    expect(checkBundles(dir).violations.join("\n")).toContain("build/_shared/chunk-CCCC.js: no source map");
  });
});
