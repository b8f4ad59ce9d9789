/**
 * A small remark plugin for GitHub-style pipe tables (`| a | b |` + `|---|---|`), which plain MDX
 * does not parse (remark-gfm is not among the installed packages). It rewrites a paragraph whose
 * lines all start with "|" and whose second line is a separator into an mdast `table`, keeping
 * inline markup (bold, links) inside the cells.
 */
type Node = { type: string; value?: string; children?: Node[]; [key: string]: unknown };
type Token = { pipe: true } | { node: Node };

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function lines(paragraph: Node): Token[][] {
  const out: Token[][] = [[]];
  for (const child of paragraph.children ?? []) {
    if (child.type !== "text") {
      out[out.length - 1].push({ node: child });
      continue;
    }
    const rows = (child.value ?? "").split("\n");
    rows.forEach((row, i) => {
      if (i > 0) out.push([]);
      const pieces = row.split("|");
      pieces.forEach((piece, j) => {
        if (j > 0) out[out.length - 1].push({ pipe: true });
        if (piece) out[out.length - 1].push({ node: { type: "text", value: piece } });
      });
    });
  }
  return out;
}

function lineText(line: Token[]): string | null {
  let s = "";
  for (const t of line) {
    if ("pipe" in t) s += "|";
    else if (t.node.type === "text") s += t.node.value;
    else return null;
  }
  return s;
}

function cells(line: Token[]): Node[][] {
  const groups: Node[][] = [[]];
  for (const t of line) {
    if ("pipe" in t) groups.push([]);
    else groups[groups.length - 1].push(t.node);
  }
  const blank = (g: Node[]) => g.every((n) => n.type === "text" && !(n.value ?? "").trim());
  if (groups.length && blank(groups[0])) groups.shift();
  if (groups.length && blank(groups[groups.length - 1])) groups.pop();
  return groups.map((g) => {
    const copy = g.map((n) => ({ ...n }));
    if (copy[0]?.type === "text") copy[0].value = (copy[0].value ?? "").replace(/^\s+/, "");
    const last = copy[copy.length - 1];
    if (last?.type === "text") last.value = (last.value ?? "").replace(/\s+$/, "");
    return copy.filter((n) => n.type !== "text" || n.value);
  });
}

export function toTable(paragraph: Node): Node | null {
  const first = paragraph.children?.[0];
  if (first?.type !== "text" || !first.value?.trimStart().startsWith("|")) return null;
  const rows = lines(paragraph);
  if (rows.length < 2) return null;
  const sep = lineText(rows[1]);
  if (sep === null || !SEPARATOR.test(sep)) return null;
  const startsWithPipe = (r: Token[]) => {
    const firstReal = r.find((t) => "pipe" in t || t.node.type !== "text" || (t.node.value ?? "").trim() !== "");
    return firstReal !== undefined && "pipe" in firstReal;
  };
  if (!rows.every(startsWithPipe)) return null;
  const align = sep
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => {
      const s = c.trim();
      return s.startsWith(":") && s.endsWith(":") ? "center" : s.endsWith(":") ? "right" : s.startsWith(":") ? "left" : null;
    });
  const body = [rows[0], ...rows.slice(2)].map((r) => cells(r));
  return {
    type: "table",
    align,
    children: body.map((row) => ({
      type: "tableRow",
      children: align.map((_, i) => ({ type: "tableCell", children: row[i] ?? [] })),
    })),
  };
}

function walk(node: Node) {
  if (!node.children) return;
  node.children = node.children.map((child) => (child.type === "paragraph" ? (toTable(child) ?? child) : child));
  for (const child of node.children) walk(child);
}

export function remarkPipeTables() {
  return (tree: Node) => walk(tree);
}
