// After `remix build`: a .br and a .gz next to every compressible file under public/build, made
// once at the strongest settings, so the server (server/static-files.js) sends them without
// compressing anything per request. Kept only when smaller than the file itself.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const ROOT = path.resolve("public/build");
const COMPRESSIBLE = /\.(js|mjs|css|map|json|svg|txt|html|xml|webmanifest)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const started = Date.now();
const files = fs
  .readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));

let raw = 0;
let br = 0;
await Promise.all(
  files.map(async (file) => {
    const content = fs.readFileSync(file);
    const [b, g] = await Promise.all([
      brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    for (const [suffix, out] of [
      [".br", b],
      [".gz", g],
    ] as const) {
      if (out.length < content.length) fs.writeFileSync(file + suffix, out);
      else fs.rmSync(file + suffix, { force: true });
    }
    raw += content.length;
    br += Math.min(b.length, content.length);
  }),
);
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
console.log(`assets: ${files.length} files precompressed, ${kb(raw)} → ${kb(br)} brotli (${Date.now() - started} ms)`);
