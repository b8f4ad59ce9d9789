// Files under public/, served from a list taken once at start: a page request that is no file
// costs one Map lookup, not an fs.stat (as express.static in front of every route did). Assets
// under /build carry .br and .gz siblings made at build (scripts/compress-assets.ts); the
// smallest one the client accepts is sent.
import fs from "node:fs";
import path from "node:path";
import express from "express";

const { mime } = express.static;
const ENCODINGS = [
  ["br", ".br"],
  ["gzip", ".gz"],
];

export function staticFiles(root) {
  const files = indexFiles(path.resolve(root));
  // Files that appear after start (remix dev rebuilding) are still found, the slow way.
  const lateAssets = express.static(path.join(root, "build"), { immutable: true, maxAge: "1y" });

  return function serveStatic(req, res, next) {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = files.get(req.path);
    if (!file) return req.path.startsWith("/build/") ? lateAssets(req, res, next) : next();

    const encoding = file.variants.length ? req.acceptsEncodings(...file.variants.map((v) => v.encoding), "identity") : "identity";
    const variant = file.variants.find((v) => v.encoding === encoding) ?? file;
    res.setHeader("Content-Type", file.type);
    // the service worker is checked on every visit, so a deploy reaches phones at once (docs/decisions/0046)
    res.setHeader("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : req.path === "/sw.js" ? "no-cache" : "public, max-age=3600");
    res.setHeader("ETag", variant.etag);
    res.setHeader("Last-Modified", file.lastModified);
    if (file.variants.length) res.vary("Accept-Encoding");
    if (variant !== file) res.setHeader("Content-Encoding", variant.encoding);
    if (req.fresh) return void res.status(304).end();
    res.setHeader("Content-Length", String(variant.size));
    if (req.method === "HEAD") return void res.end();
    // One end(buffer) rather than a pipe: the files are small, and the response is then complete
    // in one write (a client that hangs up after Content-Length bytes does not read as aborted).
    fs.readFile(variant.path, (error, content) => (error ? next(error) : res.end(content)));
  };
}

function indexFiles(root) {
  const files = new Map();
  if (!fs.existsSync(root)) return files;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const url = "/" + path.relative(root, full).split(path.sep).join("/");
    const stat = fs.statSync(full);
    const type = mime.lookup(full);
    const charset = mime.charsets.lookup(type);
    const variants = ENCODINGS.flatMap(([encoding, suffix]) => {
      const sibling = full + suffix;
      if (!fs.existsSync(sibling)) return [];
      const size = fs.statSync(sibling).size;
      return [{ encoding, path: sibling, size, etag: etagOf(size, stat.mtimeMs, encoding) }];
    });
    files.set(url, {
      path: full,
      size: stat.size,
      etag: etagOf(stat.size, stat.mtimeMs),
      lastModified: stat.mtime.toUTCString(),
      type: charset ? `${type}; charset=${charset}` : type,
      immutable: url.startsWith("/build/"),
      variants,
    });
  }
  return files;
}

const etagOf = (size, mtimeMs, encoding = "") => `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ""}"`;
