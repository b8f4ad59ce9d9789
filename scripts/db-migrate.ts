// `npm run db:setup` step one: applies the migrations of the engine DATABASE_URL names (decision 0045).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migratePostgres } from "../app/db/migrations.server";
import { databaseUrl, engineOf } from "../app/db/url";

const url = databaseUrl();
if (engineOf(url) === "postgresql") {
  const applied = await migratePostgres(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations to apply.");
} else {
  const file = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: "inherit" });
}
