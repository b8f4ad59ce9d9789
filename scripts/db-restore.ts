// npm run db:restore -- FILE — stop the server first; the backup (and each attachment's checksum) is checked before it replaces the database.
// A `.db` file replaces the SQLite file; a `.dump` is restored with pg_restore in one transaction (decision 0049).
import { restoreDatabase, restorePostgres, sqlitePath } from "../app/db/backup.server";
import { databaseUrl, engineOf } from "../app/db/url";
import { attachmentsDir } from "../app/materials/storage.server";

const file = process.argv[2];
const url = databaseUrl();
const onPostgres = engineOf(url) === "postgresql";
if (!file || file.endsWith(".dump") !== onPostgres) {
  console.error(`Cách dùng: npm run db:restore -- đường/dẫn/bản-sao-lưu.${onPostgres ? "dump (DATABASE_URL là PostgreSQL)" : "db (DATABASE_URL là SQLite)"}`);
  process.exit(2);
}
if (onPostgres) restorePostgres(file, url, { attachments: attachmentsDir() });
else restoreDatabase(file, sqlitePath(url), { attachments: attachmentsDir() });
console.log(`Đã khôi phục cơ sở dữ liệu và tệp đính kèm từ ${file}. Khởi động lại máy chủ (npm start).`);
