// npm run db:backup [-- FILE] — a consistent copy of the database while the app keeps serving, with the classes' files beside it:
// SQLite's online backup (`.db`), or `pg_dump --format=custom` (`.dump`) on PostgreSQL (decision 0049).
import path from "node:path";
import { attachmentsBackupDir, backupDatabase, backupFileName, backupPostgres, sqlitePath } from "../app/db/backup.server";
import { databaseUrl, engineOf } from "../app/db/url";
import { attachmentsDir } from "../app/materials/storage.server";

const url = databaseUrl();
const onPostgres = engineOf(url) === "postgresql";
const destination = process.argv[2] ?? path.join("backups", backupFileName());
const options = { attachments: attachmentsDir() };
const { file, bytes, files, missing } = onPostgres
  ? await backupPostgres(url, destination, options)
  : await backupDatabase(sqlitePath(url), destination, options);
const checked = onPostgres ? "pg_restore đọc được trọn vẹn" : "integrity_check ok";
console.log(`Đã sao lưu: ${file} (${(bytes / 1024).toFixed(0)} KB, ${checked}) và ${files} tệp đính kèm vào ${attachmentsBackupDir(file)}`);
if (missing.length) console.warn(`${missing.length} tệp đã bị xóa trong lúc sao lưu (bản sao vẫn nhắc đến chúng).`);
