import { directiveFromMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { directive } from "micromark-extension-directive";
import { gfmTable } from "micromark-extension-gfm-table";
import { Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Callout, Term } from "~/content/components";

/**
 * A trainer's Markdown to HTML, safely (docs/decisions/0033). The text is parsed into a syntax tree
 * and only the node kinds listed below become elements, built with React, which escapes every text
 * and attribute. So raw HTML in the text shows as text, there is no MDX or JSX, and nothing of what
 * a trainer writes becomes a tag, an attribute name or a script. Links keep only http(s), mailto and
 * paths of this site; images are shown only from this site (others become a link). Callouts and
 * glossary terms use the shipped lessons' own components:
 *
 *   :::note[Title]  …  :::      (also :::warning, :::example)
 *   :::term[Word]   …  :::      (a glossary term and its meaning)
 */

type Node = {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  spread?: boolean | null;
  name?: string;
  identifier?: string;
  align?: (string | null)[] | null;
  data?: { directiveLabel?: boolean };
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Node[];
};

/** Deeper than this (a thousand nested quotes), the rest shows as its plain text: no stack runs out. */
const MAX_DEPTH = 24;
const CALLOUTS = new Set(["note", "warning", "example"]);

export function renderMarkdown(markdown: string): string {
  const tree = fromMarkdown(markdown, {
    extensions: [gfmTable(), directive()],
    mdastExtensions: [gfmTableFromMarkdown(), directiveFromMarkdown()],
  }) as Node;
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);
  const ctx: Context = { source: markdown, definitions };
  return renderToStaticMarkup(<>{children(tree, ctx, 0)}</>);
}

/** `tight`: paragraphs of a tight list show without <p>; `inline`: inside a paragraph or a heading. */
type Context = { source: string; definitions: Map<string, string>; tight?: boolean; inline?: boolean };

function collectDefinitions(root: Node, into: Map<string, string>) {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const id = node.identifier?.toLowerCase();
    if (node.type === "definition" && id && node.url !== undefined && !into.has(id)) into.set(id, node.url);
    if (node.children) stack.push(...node.children);
  }
}

/** http(s), mailto, a path or fragment of this site; anything else (javascript:, data:, //host) is dropped. */
export function safeHref(raw: string): string | null {
  const url = raw.trim();
  if (/^(https?:\/\/|mailto:)/i.test(url)) return url;
  if (/^\/(?![/\\])/.test(url) || url.startsWith("#")) return url;
  return null;
}

/** Images only from this site (a path), so reading a lesson never fetches from another host. */
function sameSite(raw: string): string | null {
  const url = raw.trim();
  return /^\/(?![/\\])/.test(url) ? url : null;
}

/** The text of a subtree, without markup (iterative: a deep tree must not run out of stack). */
function plainText(node: Node): string {
  let out = "";
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.value !== undefined) out += n.value;
    else if (n.type === "image") out += n.alt ?? "";
    else if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** What the writer typed, for syntax we do not render (an unknown directive): shown as text. */
function sourceOf(node: Node, ctx: Context): string {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  return from !== undefined && to !== undefined ? ctx.source.slice(from, to) : plainText(node);
}

function children(node: Node, ctx: Context, depth: number): ReactNode[] {
  return (node.children ?? []).map((child, i) => <Fragment key={i}>{render(child, ctx, depth + 1)}</Fragment>);
}

function render(node: Node, ctx: Context, depth: number): ReactNode {
  if (depth > MAX_DEPTH) return plainText(node);
  const inner = () => children(node, ctx, depth);
  const phrasing = () => children(node, { ...ctx, inline: true }, depth);
  switch (node.type) {
    case "paragraph":
      return ctx.tight ? phrasing() : <p>{phrasing()}</p>;
    case "heading": {
      // the page's title is the h1: a lesson's "#" is a section (h2)
      const Tag = `h${Math.min((node.depth ?? 1) + 1, 6)}` as "h2";
      return <Tag>{phrasing()}</Tag>;
    }
    case "text":
      return node.value;
    case "emphasis":
      return <em>{inner()}</em>;
    case "strong":
      return <strong>{inner()}</strong>;
    case "inlineCode":
      return <code>{node.value}</code>;
    case "code":
      return (
        <pre>
          <code>{node.value}</code>
        </pre>
      );
    case "break":
      return <br />;
    case "thematicBreak":
      return <hr />;
    case "blockquote":
      return <blockquote>{children(node, { ...ctx, tight: false, inline: false }, depth)}</blockquote>;
    case "list": {
      const items = children(node, { ...ctx, tight: !node.spread }, depth);
      return node.ordered ? <ol start={node.start && node.start !== 1 ? node.start : undefined}>{items}</ol> : <ul>{items}</ul>;
    }
    case "listItem":
      return <li>{inner()}</li>;
    case "html":
      // raw HTML is never markup here: it reads as the text it is
      return ctx.inline || ctx.tight ? node.value : <p>{node.value}</p>;
    case "link":
    case "linkReference": {
      const url = node.type === "link" ? node.url : ctx.definitions.get((node.identifier ?? "").toLowerCase());
      const href = url === undefined ? null : safeHref(url);
      if (!href) return inner();
      const external = /^(https?:)?\/\//i.test(href);
      return (
        <a href={href} title={node.title ?? undefined} rel={external ? "noopener noreferrer nofollow" : undefined}>
          {inner()}
        </a>
      );
    }
    case "image":
    case "imageReference": {
      const url = node.type === "image" ? node.url : ctx.definitions.get((node.identifier ?? "").toLowerCase());
      const alt = node.alt ?? "";
      const local = url === undefined ? null : sameSite(url);
      if (local) return <img src={local} alt={alt} title={node.title ?? undefined} loading="lazy" />;
      const href = url === undefined ? null : safeHref(url);
      return href ? (
        <a href={href} rel="noopener noreferrer nofollow">
          {alt || href}
        </a>
      ) : (
        alt
      );
    }
    case "table":
      return <Table node={node} ctx={ctx} depth={depth} />;
    case "containerDirective":
      return directiveBlock(node, ctx, depth);
    case "leafDirective":
      return ctx.inline ? sourceOf(node, ctx) : <p>{sourceOf(node, ctx)}</p>;
    case "textDirective":
      return sourceOf(node, ctx);
    case "definition":
      return null;
    default:
      // a kind this renderer does not know: its text, never its markup
      return plainText(node);
  }
}

function directiveBlock(node: Node, ctx: Context, depth: number): ReactNode {
  const [first, ...rest] = node.children ?? [];
  const hasLabel = first?.type === "paragraph" && first.data?.directiveLabel === true;
  const label = hasLabel ? plainText(first).trim() : "";
  const body = children({ type: "root", children: hasLabel ? rest : (node.children ?? []) }, { ...ctx, tight: false }, depth);
  if (node.name && CALLOUTS.has(node.name))
    return (
      <Callout type={node.name as "note"} title={label || undefined}>
        {body}
      </Callout>
    );
  if (node.name === "term" && label) return <Term word={label}>{body}</Term>;
  return <p>{sourceOf(node, ctx)}</p>;
}

const ALIGN = new Set(["left", "right", "center"]);

function Table({ node, ctx, depth }: { node: Node; ctx: Context; depth: number }) {
  const [head, ...rows] = node.children ?? [];
  const align = (i: number) => {
    const a = node.align?.[i];
    return a && ALIGN.has(a) ? { textAlign: a as "left" } : undefined;
  };
  const cells = (row: Node, Cell: "th" | "td") =>
    (row.children ?? []).map((cell, i) => (
      <Cell key={i} style={align(i)} scope={Cell === "th" ? "col" : undefined}>
        {children(cell, { ...ctx, tight: false, inline: true }, depth + 1)}
      </Cell>
    ));
  return (
    <div className="table-wrap">
      <table>
        {head ? (
          <thead>
            <tr>{cells(head, "th")}</tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>{cells(row, "td")}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
