// npm run db:backup [-- FILE] — a consistent copy of the database while the app keeps serving, with the classes' files beside it.
import path from "node:path";
import { attachmentsBackupDir, backupDatabase, backupFileName, sqlitePath } from "../app/db/backup.server";
import { databaseUrl } from "../app/db/url";
import { attachmentsDir } from "../app/materials/storage.server";

const destination = process.argv[2] ?? path.join("backups", backupFileName());
const { file, bytes, files, missing } = await backupDatabase(sqlitePath(databaseUrl()), destination, { attachments: attachmentsDir() });
console.log(`Đã sao lưu: ${file} (${(bytes / 1024).toFixed(0)} KB, integrity_check ok) và ${files} tệp đính kèm vào ${attachmentsBackupDir(file)}`);
if (missing.length) console.warn(`${missing.length} tệp đã bị xóa trong lúc sao lưu (bản sao vẫn nhắc đến chúng).`);
