import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ContentIndex, buildContent, compileLesson } from "./compile.server";
import { findLesson, perContentIndex } from "./content.server";
import { ContentError } from "./schema";

const GOOD_FM = `---
title: "Bài thử"
slug: "bai-thu"
module: "thu"
order: 1
minutes: 5
summary: "Một bài học dùng để kiểm thử."
sources:
  - issuer: "Thủ tướng Chính phủ"
    number: "148/QĐ-TTg"
    date: "24/02/2023"
    title: "Bộ tiêu chí OCOP"
---
`;

function tmpModule(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-content-"));
  const dir = path.join(root, "01-thu");
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return root;
}
const MODULE_JSON = JSON.stringify({ slug: "thu", order: 1, title: "Chuyên đề thử", summary: "Một chuyên đề để kiểm thử." });

async function contentError(run: () => Promise<unknown>): Promise<ContentError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error("expected a ContentError");
}

describe("lesson frontmatter and MDX", () => {
  it("compiles a lesson: callouts, terms, pipe tables and the score-sheet island", async () => {
    const root = tmpModule({
      "01-bai.mdx": `${GOOD_FM}\n## Mục\n\n<Callout type="warning" title="Chú ý">Nội dung **đậm**.</Callout>\n\n| Phần | Điểm |\n|---|---:|\n| A | **40** |\n\n<ScoreSheet />\n\n<Figure src="/favicon.svg" alt="Biểu trưng" caption="Hình minh họa" />\n\nHết.\n`,
    });
    const lesson = await compileLesson(path.join(root, "01-thu/01-bai.mdx"));
    expect(lesson.title).toBe("Bài thử");
    const html = lesson.segments.map((s) => ("html" in s ? s.html : `[${s.island}]`)).join("");
    expect(html).toContain('<aside class="callout callout--warning">');
    expect(html).toMatch(/<table><thead><tr><th>Phần<\/th><th[^>]*>Điểm<\/th><\/tr><\/thead><tbody><tr><td>A<\/td><td[^>]*><strong>40<\/strong><\/td>/);
    expect(html).toContain("[score-sheet]");
    expect(html).toContain('<figure class="figure"><img src="/favicon.svg" alt="Biểu trưng" loading="lazy"/><figcaption>Hình minh họa</figcaption></figure>');
  });

  it("recompiles only changed files in development (mtime cache)", async () => {
    const root = tmpModule({ "module.json": MODULE_JSON, "01-bai.mdx": `${GOOD_FM}\nMột.\n` });
    const cache = new Map<string, { mtimeMs: number; value: unknown }>();
    const first = await buildContent(root, cache);
    const again = await buildContent(root, cache);
    expect(again.modules[0].lessons[0]).toBe(first.modules[0].lessons[0]);
    const file = path.join(root, "01-thu/01-bai.mdx");
    fs.writeFileSync(file, `${GOOD_FM.replace("Bài thử", "Bài đã sửa")}\nHai.\n`);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = await buildContent(root, cache);
    expect(changed.modules[0].lessons[0].title).toBe("Bài đã sửa");
  });

  it.each([
    ["a missing field", GOOD_FM.replace(/minutes: 5\n/, ""), "frontmatter › minutes"],
    ["a wrong type", GOOD_FM.replace("minutes: 5", 'minutes: "năm"'), "frontmatter › minutes"],
    ["an empty source list", GOOD_FM.replace(/sources:[\s\S]*?---\n$/, "sources: []\n---\n"), "frontmatter › sources"],
    ["a bad source date", GOOD_FM.replace("24/02/2023", "2023-02-24"), "frontmatter › sources[0] › date"],
    ["an unknown field", GOOD_FM.replace("order: 1", "order: 1\nauthor: x"), "frontmatter"],
  ])("fails with file and field on %s", async (_label, fm, field) => {
    const root = tmpModule({ "01-bai.mdx": `${fm}\nNội dung.\n` });
    const err = await contentError(() => compileLesson(path.join(root, "01-thu/01-bai.mdx")));
    expect(err.message).toContain("01-thu/01-bai.mdx");
    expect(err.message).toContain(field);
  });

  it("fails with the file and line on broken MDX", async () => {
    const root = tmpModule({ "01-bai.mdx": `${GOOD_FM}\n<Callout type="note">không đóng thẻ\n` });
    const err = await contentError(() => compileLesson(path.join(root, "01-thu/01-bai.mdx")));
    expect(err.message).toContain("01-thu/01-bai.mdx");
    expect(err.message).toMatch(/MDX/);
  });

  it("fails on an unknown callout type", async () => {
    const root = tmpModule({ "01-bai.mdx": `${GOOD_FM}\n<Callout type="tip">x</Callout>\n` });
    const err = await contentError(() => compileLesson(path.join(root, "01-thu/01-bai.mdx")));
    expect(err.message).toMatch(/render: Callout: unknown type "tip"/);
  });

  it("checks module.json and that lessons belong to their module", async () => {
    const bad = tmpModule({ "module.json": JSON.stringify({ slug: "Thu Nghiem", order: 1, title: "x" }), "01-bai.mdx": `${GOOD_FM}\nx\n` });
    const err = await contentError(() => buildContent(bad));
    expect(err.message).toContain("01-thu/module.json");
    expect(err.message).toMatch(/slug: /);
    expect(err.message).toMatch(/summary: /);
    const other = tmpModule({ "module.json": MODULE_JSON, "01-bai.mdx": `${GOOD_FM.replace('module: "thu"', 'module: "khac"')}\nx\n` });
    expect((await contentError(() => buildContent(other))).message).toContain('frontmatter › module: "khac" should be "thu"');
  });
});

describe("quiz files", () => {
  it("fail with the file, the question id and the field", async () => {
    const quiz = {
      module: "thu",
      title: "Kiểm tra thử",
      passPercent: 70,
      attemptsAllowed: 3,
      shuffleQuestions: false,
      shuffleOptions: false,
      reveal: "after-pass",
      questions: [
        {
          id: "q1",
          type: "single",
          prompt: "Câu hỏi một?",
          options: [
            { id: "a", text: "A" },
            { id: "b", text: "B" },
          ],
          correct: ["c"],
          explanation: "Giải thích.",
          lesson: "bai-thu",
        },
        { id: "q2", type: "numeric", prompt: "Câu hỏi hai?", answer: "35", explanation: "Giải thích.", lesson: "bai-thu" },
        { id: "q3", type: "true-false", prompt: "Câu hỏi ba?", correct: true, explanation: "Giải thích.", lesson: "khong-co" },
      ],
    };
    const root = tmpModule({ "module.json": MODULE_JSON, "01-bai.mdx": `${GOOD_FM}\nx\n`, "quiz.json": JSON.stringify(quiz) });
    const err = await contentError(() => buildContent(root));
    expect(err.message).toContain("01-thu/quiz.json");
    expect(err.message).toContain("questions[0] (id q1) › correct[0]");
    expect(err.message).toContain("questions[1] (id q2) › answer");
    const fixed = { ...quiz, questions: [quiz.questions[2]] };
    const root2 = tmpModule({ "module.json": MODULE_JSON, "01-bai.mdx": `${GOOD_FM}\nx\n`, "quiz.json": JSON.stringify(fixed) });
    expect((await contentError(() => buildContent(root2))).message).toContain('questions[0] (id q3) › lesson: no lesson "khong-co"');
    const root3 = tmpModule({ "module.json": MODULE_JSON, "01-bai.mdx": `${GOOD_FM}\nx\n`, "quiz.json": "{ not json" });
    expect((await contentError(() => buildContent(root3))).message).toMatch(/quiz\.json:\n\s+JSON: /);
  });
});

describe("the real content", () => {
  it("has four modules, each with at least 3 real lessons (600+ words) citing sources", async () => {
    const index = await buildContent();
    expect(index.modules.map((m) => m.order)).toEqual([1, 2, 3, 4]);
    for (const m of index.modules) {
      expect(m.lessons.length, m.slug).toBeGreaterThanOrEqual(3);
      expect(m.quiz?.questions.length ?? 0, `${m.slug}: quiz with 10+ questions`).toBeGreaterThanOrEqual(10);
      expect(new Set(m.quiz!.questions.map((q) => q.type)).size, `${m.slug}: several question types`).toBeGreaterThanOrEqual(3);
      for (const l of m.lessons) {
        expect(l.words, l.file).toBeGreaterThanOrEqual(600);
        expect(l.sources.length, l.file).toBeGreaterThan(0);
        const html = l.segments.map((s) => ("html" in s ? s.html : "")).join("");
        expect(html, `${l.file}: no raw pipe table left`).not.toMatch(/<p>\|/);
      }
    }
    const sheetLesson = index.modules[1].lessons.find((l) => l.slug === "cham-diem-va-xep-hang-sao")!;
    expect(sheetLesson.segments.some((s) => "island" in s && s.island === "score-sheet")).toBe(true);
  });
});

describe("finding a lesson", () => {
  it("gives its neighbours in course order across modules, and null for a lesson that is not there", async () => {
    const index = await buildContent();
    const [first, second] = index.modules;
    const lastOfFirst = first.lessons.at(-1)!;
    const found = findLesson(index, first.slug, lastOfFirst.slug)!;
    expect(found.lesson).toBe(lastOfFirst);
    expect(found.prev).toEqual({ module: first.slug, slug: first.lessons.at(-2)!.slug, title: first.lessons.at(-2)!.title });
    expect(found.next).toEqual({ module: second.slug, slug: second.lessons[0].slug, title: second.lessons[0].title });
    expect(findLesson(index, first.slug, first.lessons[0].slug)!.prev).toBeNull();
    expect(findLesson(index, second.slug, lastOfFirst.slug)).toBeNull();
    expect(findLesson(index, "", "")).toBeNull();
  });
});

describe("tables derived from a content index", () => {
  it("are made once per index and made again for a new index", () => {
    const made: string[] = [];
    const firstSlug = perContentIndex((index) => {
      made.push(index.modules[0].slug);
      return { slug: index.modules[0].slug };
    });
    const a = { modules: [{ slug: "a" }] } as unknown as ContentIndex;
    const b = { modules: [{ slug: "b" }] } as unknown as ContentIndex;
    expect(firstSlug(a)).toBe(firstSlug(a));
    expect(firstSlug(b)).toEqual({ slug: "b" });
    expect(made).toEqual(["a", "b"]);
  });
});
