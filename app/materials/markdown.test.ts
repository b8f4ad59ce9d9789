import { describe, expect, it } from "vitest";
import { renderMarkdown, safeHref } from "./markdown.server";

/** Whatever a trainer types, no tag, attribute or script of theirs reaches the page. */
describe("renderMarkdown", () => {
  it("renders ordinary Markdown: headings one level below the page title, emphasis, lists, tables", () => {
    const html = renderMarkdown("# Mục\n\nĐoạn **đậm** và *nghiêng*.\n\n- một\n- hai\n\n| A | B |\n|:--|--:|\n| 1 | 2 |");
    expect(html).toContain("<h2>Mục</h2>");
    expect(html).toContain("<strong>đậm</strong>");
    expect(html).toContain("<ul><li>một</li><li>hai</li></ul>");
    expect(html).toContain('<th style="text-align:left" scope="col">A</th>');
  });

  it("shows script tags as text", () => {
    const html = renderMarkdown("<script>alert(1)</script>\n\nChữ <script>alert(2)</script> giữa dòng");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Chữ &lt;script&gt;alert(2)&lt;/script&gt; giữa dòng");
  });

  it("drops javascript:, data: and vbscript: links however they are spelled, keeping their text", () => {
    const html = renderMarkdown(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](data:text/html,x) [e](vbscript:x) [f](//evil.example/x)\n\n[g][r]\n\n[r]: javascript:alert(1)",
    );
    expect(html).not.toMatch(/href/);
    expect(html).toContain("<p>a b c d e f</p>");
    expect(html).toContain("<p>g</p>");
  });

  it("keeps http(s), mailto and this site's paths, marking other hosts' links", () => {
    const html = renderMarkdown("[x](https://ocop.gov.vn/a?b=1&c=2) [y](mailto:vp@ocop.vn) [z](/khoa-hoc/1) <https://a.vn>");
    expect(html).toContain('<a href="https://ocop.gov.vn/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">x</a>');
    expect(html).toContain('<a href="mailto:vp@ocop.vn">y</a>');
    expect(html).toContain('<a href="/khoa-hoc/1">z</a>');
    expect(safeHref(" javascript:x")).toBeNull();
  });

  it("never lets an event-handler attribute through, in raw HTML or in link titles", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)">\n\n<a href="#" onclick="x()">b</a>\n\n[t](https://a.vn "\\" onmouseover=\\"alert(1)")');
    expect(html).not.toMatch(/<img|<a href="#"/);
    expect(html).not.toMatch(/"\s+on\w+=|<\w+\s+on\w+=/i); // no attribute named on…: the handlers survive only as escaped text
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('title="&quot; onmouseover=&quot;alert(1)"');
  });

  it("decodes entities into text and escapes them again, so an entity cannot become markup", () => {
    const html = renderMarkdown("&lt;b&gt;đậm&lt;/b&gt; &amp; &#60;i&#62; &quot;");
    expect(html).toBe("<p>&lt;b&gt;đậm&lt;/b&gt; &amp; &lt;i&gt; &quot;</p>");
  });

  it("shows images from this site only; another host's image becomes a link, an unsafe one its alt text", () => {
    const html = renderMarkdown("![sơ đồ](/khoa-hoc/1/tai-lieu/tep/2) ![ngoài](https://evil.example/p.png) ![x](javascript:alert(1))");
    expect(html).toContain('<img src="/khoa-hoc/1/tai-lieu/tep/2" alt="sơ đồ" loading="lazy"/>');
    expect(html).not.toContain('<img src="https');
    expect(html).toContain('<a href="https://evil.example/p.png" rel="noopener noreferrer nofollow">ngoài</a>');
    expect(html).toContain(" x</p>");
  });

  it("keeps nested markup escaped at every level (lists in quotes in callouts)", () => {
    const html = renderMarkdown(":::note[Chú <b>ý</b>]\n> - <script>x</script>\n>   - **<i onclick=y>z</i>**\n:::");
    expect(html).not.toMatch(/<script|<i |<b>/);
    expect(html).toContain('<aside class="callout callout--note">');
    expect(html).toContain("Chú &lt;b&gt;ý&lt;/b&gt;");
    expect(html).toContain(
      "<blockquote><ul><li>&lt;script&gt;x&lt;/script&gt;<ul><li><strong>&lt;i onclick=y&gt;z&lt;/i&gt;</strong></li></ul></li></ul></blockquote>",
    );
  });

  it("maps callouts and glossary terms to the shipped lessons' markup", () => {
    const html = renderMarkdown(":::warning[Hạn nộp]\nTrong *5 ngày*.\n:::\n\n:::term[OCOP]\nMỗi xã một sản phẩm.\n:::");
    expect(html).toContain('<aside class="callout callout--warning"><p class="callout__title"><span class="callout__kind">Lưu ý</span> · Hạn nộp</p>');
    expect(html).toContain('<dl class="term"><dt><span class="tag">Thuật ngữ</span> OCOP</dt><dd><p>Mỗi xã một sản phẩm.</p></dd></dl>');
  });

  it("shows unknown directives as the text that was typed (a time like 10:30 stays as it is)", () => {
    const html = renderMarkdown(":::video[x]\nabc\n:::\n\nLúc 10:30, xem :abbr[OCOP]{title=y}");
    expect(html).toContain("<p>:::video[x]\nabc\n:::</p>");
    expect(html).toContain("<p>Lúc 10:30, xem :abbr[OCOP]{title=y}</p>");
  });

  it("flattens markup nested deeper than it renders to its text instead of running out of stack", () => {
    const html = renderMarkdown(">".repeat(200) + " sâu <script>");
    expect(html).toContain("sâu &lt;script&gt;");
    expect(html).not.toContain("<script");
  });
});
