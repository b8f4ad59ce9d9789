// Usage: npm run db:pg-schema   (writes prisma/postgresql/schema.prisma from prisma/schema.prisma)
//
// prisma/schema.prisma (SQLite) is the one source of the data model; PostgreSQL's schema is derived from it
// (docs/decisions/0045): only the datasource provider and the generated client's folder differ.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const PG_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

export function pgSchemaFrom(sqlite: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`pg-schema: ${from} not found in ${SQLITE_SCHEMA}`);
    return text.replace(from, to);
  };
  let text = replace(sqlite, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  text = replace(text, /(generator client \{[^}]*output\s*=\s*)"[^"]*"/, '$1"../../generated/prisma-pg"');
  return `// GENERATED from prisma/schema.prisma by scripts/pg-schema.ts: do not edit, run \`npm run db:pg-schema\`.\n${text}`;
}

export function currentPgSchema(): string {
  return pgSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
  fs.writeFileSync(PG_SCHEMA, currentPgSchema());
  console.log(`Wrote ${PG_SCHEMA}`);
}
