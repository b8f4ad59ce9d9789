// After `remix build`: writes public/sw.js from app/offline/service-worker.js with the build's
// version (the fingerprint of Remix's browser manifest, which changes whenever any client file
// does), so each deploy gets new cache names and the old caches are removed (docs/decisions/0046).
import fs from "node:fs";

const manifest = fs.readdirSync("public/build").find((f) => /^manifest-[A-Za-z0-9]+\.js$/.test(f));
if (!manifest) throw new Error("public/build has no manifest-*.js: run remix build first");
const version = manifest.slice("manifest-".length, -".js".length).toLowerCase();
const source = fs.readFileSync("app/offline/service-worker.js", "utf8");
if (!source.includes("__BUILD_VERSION__")) throw new Error("service-worker.js lost its version placeholder");
fs.writeFileSync("public/sw.js", source.replace("__BUILD_VERSION__", version));
console.log(`service worker: public/sw.js, cache version ${version}, ${Buffer.byteLength(source)} bytes`);
