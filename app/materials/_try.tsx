import { fromMarkdown } from "mdast-util-from-markdown";
import { renderMarkdown } from "~/materials/markdown.server";
for (const n of [10, 40, 160]) {
  const s = "Đoạn văn **đậm** với [liên kết](https://a.vn) và `mã`.\n\n- mục một\n- mục hai\n\n".repeat(n);
  let t0 = performance.now(); fromMarkdown(s); const parse = Math.round(performance.now() - t0);
  t0 = performance.now(); renderMarkdown(s); console.log(n, s.length, "parse", parse, "render", Math.round(performance.now() - t0));
}
