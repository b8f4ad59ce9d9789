import fs from "node:fs";
import { onPostgres } from "../support/pg";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { attachmentsBackupDir, backupDatabase, restoreDatabase, sqlitePath } from "~/db/backup.server";
import { deleteClass } from "~/courses/manage.server";
import { db } from "~/db/db.server";
import { attachmentsDir, sha256Hex, storedPath } from "~/materials/storage.server";
import { ATTACHMENT_LIMIT_BYTES, LESSON_BODY_LIMIT_BYTES } from "~/materials/limits";
import { action as materialsAction, loader as materialsLoader } from "~/routes/khoa-hoc.$courseId.tai-lieu._index";
import { action as newLessonAction } from "~/routes/khoa-hoc.$courseId.tai-lieu.bai-moi";
import { loader as lessonLoader } from "~/routes/khoa-hoc.$courseId.tai-lieu.$lessonId._index";
import { loader as fileLoader } from "~/routes/khoa-hoc.$courseId.tai-lieu.tep.$fileId";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext } from "../support/http";

/** A class's local lessons and files, through the routes, on a real database and a real folder. */
let courseId: number;
let trainer: string;
let learner: string;
let outsider: string;
let consultant: string;
let admin: string;

beforeAll(async () => {
  courseId = (await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  trainer = await cookieFor("trainer");
  learner = await cookieFor("learner");
  consultant = await cookieFor("consultant");
  admin = await cookieFor("admin");
  const unit = await db().unit.findFirstOrThrow({ where: { level: "PROVINCE" } });
  const other = await db().user.create({
    data: { fullName: "Học viên lớp khác", phone: "0918100001", unitId: unit.id, roles: { create: { role: "learner", unitId: unit.id } } },
  });
  await db().course.create({
    data: {
      code: "HT-KHAC-2026",
      title: "Lớp khác",
      unitId: unit.id,
      enrolmentCode: "KHAC2026",
      startsOn: new Date(),
      endsOn: new Date(Date.now() + 86400_000),
      enrolments: { create: { userId: other.id } },
    },
  });
  outsider = await cookieFor(other.id);
});

const base = () => `/khoa-hoc/${courseId}/tai-lieu`;
/** A PDF whose bytes are unique to the test, so no two tests share a stored file. */
const pdf = (tag = `${Date.now()}-${Math.random()}`) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj << >> endobj\n%%EOF\n`);

function uploadForm(name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append("intent", "upload");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([new Uint8Array(bytes)], name));
  return form;
}
const upload = (form: FormData, cookie = trainer) =>
  run(() => materialsAction({ request: postRequest(base(), form, { cookie }), params: { courseId: String(courseId) }, context: testContext() }));
const download = (fileId: number, cookie: string) =>
  run<string>(() =>
    fileLoader({
      request: getRequest(`${base()}/tep/${fileId}`, { cookie }),
      params: { courseId: String(courseId), fileId: String(fileId) },
      context: testContext(),
    }),
  );
const storedFiles = () => (fs.existsSync(attachmentsDir()) ? fs.readdirSync(attachmentsDir()).filter((f) => !f.startsWith(".")).length : 0);

describe("local lessons", () => {
  it("a trainer writes a lesson that its learners read, rendered safely with its sources", async () => {
    const body = ":::note[Lưu ý]\nXem **Quyết định 3292/QĐ-UBND**.\n:::\n\nChữ <script>alert(1)</script> [x](javascript:alert(1))";
    const res = await run(() =>
      newLessonAction({
        request: postRequest(
          `${base()}/bai-moi`,
          { title: "Chính sách của tỉnh", body, sources: "UBND tỉnh Hà Tĩnh | 3292/QĐ-UBND | 01/11/2018 | Phê duyệt Đề án OCOP" },
          { cookie: trainer },
        ),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(302);
    const lessonId = res.location!.split("/").pop()!;
    const read = await run(() =>
      lessonLoader({ request: getRequest(res.location!, { cookie: learner }), params: { courseId: String(courseId), lessonId }, context: testContext() }),
    );
    expect(read.status).toBe(200);
    expect(read.data.lesson.html).toContain('<aside class="callout callout--note">');
    expect(read.data.lesson.html).toContain("<p>Chữ &lt;script&gt;alert(1)&lt;/script&gt; x</p>");
    expect(read.data.lesson.html).not.toMatch(/<script|href/);
    expect(read.data.sources).toEqual([{ issuer: "UBND tỉnh Hà Tĩnh", number: "3292/QĐ-UBND", date: "01/11/2018", title: "Phê duyệt Đề án OCOP" }]);
    // a learner of another class does not find it
    const stranger = await run(() =>
      lessonLoader({ request: getRequest(res.location!, { cookie: outsider }), params: { courseId: String(courseId), lessonId }, context: testContext() }),
    );
    expect(stranger.status).toBe(404);
  });

  it.each([
    ["an empty title", { title: "  ", body: "Nội dung" }, "title", "Nhập tiêu đề bài học."],
    [
      "a body over the size limit",
      { title: "Bài dài", body: "a".repeat(LESSON_BODY_LIMIT_BYTES + 1) },
      "body",
      "Nội dung dài quá 100 KB. Hãy chia thành nhiều bài.",
    ],
    [
      "a source line without its four parts",
      { title: "Bài", body: "x", sources: "UBND tỉnh | 3292/QĐ-UBND" },
      "sources",
      "Dòng 1: cần đủ 4 phần, cách nhau bởi dấu |.",
    ],
  ])("refuses %s at its field, 422, writing nothing", async (_what, fields, field, message) => {
    const before = await tableCounts();
    const res = await run(() =>
      newLessonAction({
        request: postRequest(`${base()}/bai-moi`, fields, { cookie: trainer }),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(422);
    expect(res.data.errors[field]).toBe(message);
    expect(await tableCounts()).toEqual(before);
  });

  it("a learner cannot write one (403)", async () => {
    const res = await run(() =>
      newLessonAction({
        request: postRequest(`${base()}/bai-moi`, { title: "Bài", body: "x" }, { cookie: learner }),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(403);
  });
});

describe("attachments", () => {
  it("stores a PDF under its checksum outside public/, and serves it to the class's learner as a download", async () => {
    const bytes = pdf();
    const res = await upload(uploadForm("Quyết định hỗ trợ.pdf", bytes));
    expect(res.status).toBe(200);
    const row = await db().attachment.findFirstOrThrow({ where: { courseId }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ fileName: "Quyết định hỗ trợ.pdf", type: "PDF", size: bytes.byteLength });
    expect(row.storageName).toBe(row.sha256);
    expect(path.relative(path.resolve("public"), storedPath(row.storageName)).startsWith("..")).toBe(true);

    const got = await run<Response>(async () => {
      try {
        return await fileLoader({
          request: getRequest(`${base()}/tep/${row.id}`, { cookie: learner }),
          params: { courseId: String(courseId), fileId: String(row.id) },
          context: testContext(),
        });
      } catch (thrown) {
        return thrown;
      }
    });
    expect(got.status).toBe(200);
    expect(got.headers.get("Content-Type")).toBe("application/pdf");
    expect(got.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Quyet dinh ho tro.pdf"; filename*=UTF-8''${encodeURIComponent("Quyết định hỗ trợ.pdf")}`,
    );
    expect(got.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const direct = await fileLoader({
      request: getRequest(`${base()}/tep/${row.id}`, { cookie: learner }),
      params: { courseId: String(courseId), fileId: String(row.id) },
      context: testContext(),
    });
    expect(Buffer.from(await (direct as Response).arrayBuffer()).equals(bytes)).toBe(true);

    // the list shows it to the learner, without the trainer's forms
    const list = await run(() =>
      materialsLoader({ request: getRequest(base(), { cookie: learner }), params: { courseId: String(courseId) }, context: testContext() }),
    );
    expect(list.data.manages).toBe(false);
    expect(list.data.attachments.map((a: { id: number }) => a.id)).toContain(row.id);
  });

  it("answers 404 — never 403 — to a learner of another class and to a role that reads no class", async () => {
    await upload(uploadForm("tai-lieu.pdf", pdf()));
    const row = await db().attachment.findFirstOrThrow({ where: { courseId }, orderBy: { id: "desc" } });
    expect((await download(row.id, outsider)).status).toBe(404);
    expect((await download(row.id, consultant)).status).toBe(404);
    expect((await download(row.id + 1000, learner)).status).toBe(404);
  });

  it("deleting the last attachment of some bytes removes the file too", async () => {
    await upload(uploadForm("xoa.pdf", pdf()));
    const row = await db().attachment.findFirstOrThrow({ where: { courseId }, orderBy: { id: "desc" } });
    const res = await run(() =>
      materialsAction({
        request: postRequest(base(), { intent: "deleteAttachment", attachmentId: String(row.id) }, { cookie: trainer }),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(200);
    expect(fs.existsSync(storedPath(row.storageName))).toBe(false);
  });

  it("deleting a class removes its files from disk; bytes another class still has stay", async () => {
    const own = pdf();
    const shared = pdf();
    const doomed = await db().course.create({
      data: {
        code: "HT-XOA-2027",
        title: "Lớp sẽ xóa",
        unitId: (await db().course.findUniqueOrThrow({ where: { id: courseId } })).unitId,
        enrolmentCode: "XOA2027A",
        startsOn: new Date(),
        endsOn: new Date(),
      },
    });
    const addTo = (id: number, name: string, bytes: Uint8Array) =>
      run(() =>
        materialsAction({
          request: postRequest(`/khoa-hoc/${id}/tai-lieu`, uploadForm(name, bytes), { cookie: admin }),
          params: { courseId: String(id) },
          context: testContext(),
        }),
      );
    expect((await addTo(doomed.id, "rieng.pdf", own)).status).toBe(200);
    expect((await addTo(doomed.id, "chung.pdf", shared)).status).toBe(200);
    expect((await addTo(courseId, "chung.pdf", shared)).status).toBe(200);
    const [ownFile, sharedFile] = [storedPath(sha256Hex(own)), storedPath(sha256Hex(shared))];
    expect(fs.existsSync(ownFile) && fs.existsSync(sharedFile)).toBe(true);

    expect(await deleteClass(doomed.id)).toBe(true);

    expect(await db().attachment.count({ where: { courseId: doomed.id } })).toBe(0);
    expect(fs.existsSync(ownFile)).toBe(false);
    // the demo class's copy of the shared bytes is still served
    const kept = await db().attachment.findFirstOrThrow({ where: { courseId, sha256: sha256Hex(shared) } });
    expect((await download(kept.id, learner)).status).toBe(200);
  });

  it("deleting a lesson keeps its files: they stay in the class's materials, on disk and served", async () => {
    const lesson = await db().localLesson.create({ data: { courseId, title: "Bài có tệp", body: "x", html: "<p>x</p>", position: 90 } });
    const bytes = pdf();
    expect((await upload(uploadForm("cua-bai.pdf", bytes, { lessonId: String(lesson.id) }))).status).toBe(200);
    const res = await run(() =>
      materialsAction({
        request: postRequest(base(), { intent: "deleteLesson", lessonId: String(lesson.id) }, { cookie: trainer }),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(200);
    const row = await db().attachment.findFirstOrThrow({ where: { courseId, sha256: sha256Hex(bytes) } });
    expect(row.lessonId).toBeNull();
    expect(fs.existsSync(storedPath(row.storageName))).toBe(true);
    expect((await download(row.id, learner)).status).toBe(200);
  });

  async function docx(): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    return zip.generateAsync({ type: "uint8array" });
  }

  it.each([
    ["a file over 20 MB", async () => uploadForm("lon.pdf", Buffer.concat([pdf(), Buffer.alloc(ATTACHMENT_LIMIT_BYTES)])), 413, "Tệp lớn hơn 20 MB."],
    [
      "a forbidden type",
      async () => uploadForm("trang.html", Buffer.from("<html><script>x</script>")),
      422,
      "Chỉ nhận tệp PDF, DOCX, XLSX, PPTX, PNG hoặc JPEG.",
    ],
    [
      "bytes that contradict the extension (a DOCX named .xlsx)",
      async () => uploadForm("bang.xlsx", await docx()),
      422,
      "Nội dung tệp không khớp với phần mở rộng .xlsx: tệp có thể bị đổi tên hoặc hỏng.",
    ],
    [
      "HTML named .pdf",
      async () => uploadForm("gia.pdf", Buffer.from("<html>")),
      422,
      "Nội dung tệp không khớp với phần mở rộng .pdf: tệp có thể bị đổi tên hoặc hỏng.",
    ],
    ["an empty file", async () => uploadForm("rong.pdf", new Uint8Array()), 400, "Tệp trống (0 byte)."],
  ])("refuses %s at the file field, writing no row and no file", async (_what, form, status, message) => {
    const before = await tableCounts();
    const files = storedFiles();
    const res = await upload(await form());
    expect(res.status).toBe(status);
    expect(res.data.errors.file).toBe(message);
    expect(await tableCounts()).toEqual(before);
    expect(storedFiles()).toBe(files);
  });

  it("refuses a lesson of another class as the file's lesson", async () => {
    const before = await tableCounts();
    const otherCourse = await db().course.findFirstOrThrow({ where: { code: "HT-KHAC-2026" } });
    const foreign = await db().localLesson.create({ data: { courseId: otherCourse.id, title: "x", body: "x", html: "<p>x</p>", position: 1 } });
    const res = await upload(uploadForm("a.pdf", pdf(), { lessonId: String(foreign.id) }));
    expect(res.status).toBe(422);
    expect(res.data.errors.lessonId).toBe("Bài học này không thuộc lớp.");
    expect((await tableCounts()).Attachment).toBe(before.Attachment);
  });

  // the SQLite backup (its attachments are the same on PostgreSQL, whose database pg_dump copies)
  it.skipIf(onPostgres)("is covered by the backup: backed up, deleted, restored, the same bytes come back", async () => {
    const bytes = pdf();
    await upload(uploadForm("sao-luu.pdf", bytes));
    const row = await db().attachment.findFirstOrThrow({ where: { courseId }, orderBy: { id: "desc" } });
    const live = sqlitePath(process.env.DATABASE_URL!);
    const backup = path.resolve(`tests/.tmp/materials-backup-${process.pid}-${row.id}.db`);
    const { files, missing } = await backupDatabase(live, backup, { attachments: attachmentsDir() });
    expect(files).toBeGreaterThan(0);
    expect(missing).toEqual([]);

    // lost: the row and the file
    await run(() =>
      materialsAction({
        request: postRequest(base(), { intent: "deleteAttachment", attachmentId: String(row.id) }, { cookie: trainer }),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(fs.existsSync(storedPath(row.storageName))).toBe(false);

    // restored into a fresh database file and a fresh folder, then served from there
    const target = path.resolve(`tests/.tmp/materials-restored-${process.pid}-${row.id}.db`);
    const folder = path.resolve(`tests/.tmp/materials-restored-${process.pid}-${row.id}-files`);
    restoreDatabase(backup, target, { attachments: folder });
    expect(fs.readFileSync(storedPath(row.storageName, folder)).equals(bytes)).toBe(true);
    const url = process.env.DATABASE_URL;
    const dir = process.env.ATTACHMENTS_DIR;
    try {
      await globalThis.__ocopDb?.$disconnect();
      globalThis.__ocopDb = undefined;
      process.env.DATABASE_URL = `file:${target}`;
      process.env.ATTACHMENTS_DIR = folder;
      const direct = await fileLoader({
        request: getRequest(`${base()}/tep/${row.id}`, { cookie: learner }),
        params: { courseId: String(courseId), fileId: String(row.id) },
        context: testContext(),
      });
      expect(Buffer.from(await (direct as Response).arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await globalThis.__ocopDb?.$disconnect();
      globalThis.__ocopDb = undefined;
      process.env.DATABASE_URL = url;
      if (dir === undefined) delete process.env.ATTACHMENTS_DIR;
      else process.env.ATTACHMENTS_DIR = dir;
      for (const f of [backup, target]) for (const s of ["", "-wal", "-shm"]) fs.rmSync(f + s, { force: true });
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(attachmentsBackupDir(backup), { recursive: true, force: true });
    }
  });
});
