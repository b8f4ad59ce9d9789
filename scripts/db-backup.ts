// npm run db:backup [-- FILE] — a consistent copy of the database while the app keeps serving.
import path from "node:path";
import { backupDatabase, backupFileName, sqlitePath } from "../app/db/backup.server";
import { databaseUrl } from "../app/db/url";

const destination = process.argv[2] ?? path.join("backups", backupFileName());
const { file, bytes } = await backupDatabase(sqlitePath(databaseUrl()), destination);
console.log(`Đã sao lưu: ${file} (${(bytes / 1024).toFixed(0)} KB, integrity_check ok)`);
