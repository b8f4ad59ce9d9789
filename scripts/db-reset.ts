// npm run db:reset — deletes the demo database, applies the migrations and seeds it again.
// (`prisma migrate reset` does not work with the JS engine here: docs/decisions/0002.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { databaseUrl } from "../app/db/url";

const file = databaseUrl().replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
fs.mkdirSync(new URL(".", `file://${fs.realpathSync(".")}/${file}`).pathname, { recursive: true });
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "inherit" });
execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { stdio: "inherit" });
