// npm run db:move -- --to postgresql://… [--from file:…] — a province's SQLite file (DATABASE_URL by default) into an
// empty PostgreSQL database, checked table by table (decision 0049). Stop the server and back up first.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sqlitePath } from "../app/db/backup.server";
import { type TableCheck, moveToPostgres } from "../app/db/move.server";
import { databaseUrl, engineOf } from "../app/db/url";

const { values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" } } });
const from = values.from ?? databaseUrl();
if (!values.to || engineOf(values.to) !== "postgresql" || engineOf(from) !== "sqlite") {
  console.error("Cách dùng: npm run db:move -- --to postgresql://người-dùng@máy-chủ/cơ-sở-dữ-liệu [--from file:./data/ocop.db]");
  process.exit(2);
}
const file = sqlitePath(from);
if (!fs.existsSync(file)) {
  console.error(`Không tìm thấy tệp SQLite ${file}.`);
  process.exit(2);
}

function printTable(tables: TableCheck[]) {
  const width = Math.max(...tables.map((t) => t.name.length), 4);
  console.log(`${"Bảng".padEnd(width)}  ${"SQLite".padStart(8)}  ${"PostgreSQL".padStart(10)}  Kiểm tra`);
  for (const t of tables) {
    const same = t.rows === t.targetRows && t.checksum === t.targetChecksum;
    console.log(`${t.name.padEnd(width)}  ${String(t.rows).padStart(8)}  ${String(t.targetRows).padStart(10)}  ${same ? "khớp" : "KHÁC"}`);
  }
}

const result = await moveToPostgres(file, values.to);
if (result.ok) {
  printTable(result.tables);
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`Đã chuyển ${rows} dòng của ${result.tables.length} bảng sang PostgreSQL; số dòng và tổng kiểm SHA-256 của mọi bảng đều khớp.`);
  console.log("Tệp đính kèm vẫn ở nguyên thư mục cũ. Đổi DATABASE_URL sang PostgreSQL rồi khởi động lại máy chủ.");
} else if (result.reason === "mismatch") {
  printTable(result.tables);
  const bad = result.tables.filter((t) => t.rows !== t.targetRows || t.checksum !== t.targetChecksum).map((t) => t.name);
  console.error(`Không khớp ở ${bad.length} bảng (${bad.join(", ")}): đã hủy, cơ sở dữ liệu đích không nhận dòng nào.`);
  process.exit(1);
} else if (result.reason === "not-empty") {
  console.error(`Cơ sở dữ liệu đích đã có dữ liệu (bảng ${result.table}): chỉ chuyển vào một cơ sở dữ liệu PostgreSQL trống. Không ghi gì.`);
  process.exit(1);
} else {
  const parts = [
    result.missing.length ? `chưa chạy ${result.missing.join(", ")}` : "",
    result.unknown.length ? `có migration lạ ${result.unknown.join(", ")}` : "",
  ];
  console.error(
    `Tệp SQLite không cùng phiên bản với bản phát hành này (${parts.filter(Boolean).join("; ")}). ` +
      `Chạy npm run db:migrate với DATABASE_URL=file:${file} trước. Không ghi gì.`,
  );
  process.exit(1);
}
