import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every text a person reads comes from the catalogue (app/i18n/vi/): no Vietnamese words in code outside it. The
 * exceptions are words the code reads, not shows (money units typed in a plan, letters folded for file names), and
 * the unit-name prefixes the certificate's issuer line lowercases and the catalogue import adds.
 */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const READ_NOT_SHOWN: Record<string, RegExp> = {
  "app/plans/money.ts": /tỷ|triệu|nghìn|vnđ/,
  "app/exports/table.ts": /\[đĐ\]/,
  "app/auth/password.server.ts": /dummyHash/,
  "app/certificates/certificates.server.ts": /\^Tỉnh|\^Thành phố/,
  "app/units/catalogue.ts": /Thành phố\|Tỉnh\) \/.*`Tỉnh /, // the official names as the letter spells them: data, not UI text
  "app/routes/bench.tsx": /xin chào/, // the benchmark's fixed body
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join("app", "i18n") ? [] : sourceFiles(p);
    return /\.(ts|tsx|js)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("texts live in the catalogue", () => {
  it("no Vietnamese text in app/, server/ or server.js outside app/i18n/", () => {
    const found: string[] = [];
    for (const file of [...sourceFiles("app"), ...sourceFiles("server"), "server.js"]) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "").replace(/^\s*(\/?\*+).*$/, "");
          if (VIETNAMESE.test(code) && !READ_NOT_SHOWN[file.split(path.sep).join("/")]?.test(code)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
