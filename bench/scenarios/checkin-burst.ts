import type autocannon from "autocannon";
import ExcelJS from "exceljs";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { BOTH, type Scenario, type Server, loginCookie } from "../harness";
import { openSession } from "./learner-forms";

/**
 * 210 distinct learners post the projected code within the same few seconds (50 connections,
 * each request a different learner): 0 errors, and the measured requests — not the warm-up, which
 * checks the same learners in to another session first — recorded every learner exactly once. The
 * run also times a 500-row roster import (upload + preview, then commit).
 */
const FULL = 210;
let LEARNERS = FULL;
let sessionId = 0;

async function post(server: Server, path: string, cookie: string, body: URLSearchParams | FormData) {
  return fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", headers: { cookie, origin: server.url }, body });
}

export const checkinBurst: Scenario = {
  name: "checkin-burst",
  description: `${FULL} distinct learners POST /diem-danh with the displayed code at once (50 connections, one request each)`,
  baseline: "insert",
  setups: BOTH,
  targetRatio: 1.5,
  prepare: async (server, mode) => {
    LEARNERS = mode.smoke ? 20 : FULL;
    const trainer = await loginCookie(server, "giangvien@ocop-demo.vn", DEMO_PASSWORD);
    const cookies: string[] = [];
    for (let i = 1; i <= LEARNERS; i++) cookies.push(await loginCookie(server, `0913${String(i).padStart(6, "0")}`, DEMO_PASSWORD));
    // A fresh server runs its first few hundred requests of a path at a fraction of its speed
    // (JIT, statement caches): the same learners first check in to another session of the day,
    // so the measured burst meets a warm server and is still every learner's first check-in to it.
    const warm = await openSessionWithCode(server, trainer, "Buổi khởi động");
    await checkInAll(server, warm, cookies);
    const measured = await openSessionWithCode(server, trainer, "Buổi đo tải");
    sessionId = measured.id;
    const code = measured.code;
    let next = 0;
    const body = new URLSearchParams({ code, buoi: String(sessionId) }).toString();
    return {
      url: `${server.url}/diem-danh`,
      connections: Math.min(50, LEARNERS),
      amount: LEARNERS,
      requests: [
        {
          method: "POST",
          body,
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            headers: { ...req.headers, "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie: cookies[next++ % cookies.length] },
          }),
        },
      ],
    };
  },
  before: async (server) => checkins(server),
  verify: async (server, measured, before) => {
    const was = before as Awaited<ReturnType<typeof checkins>>;
    const row = await checkins(server);
    const written = row.n - was.n;
    if (measured.requests !== LEARNERS || measured.errors !== 0) throw new Error(`${measured.errors} of ${measured.requests} check-ins failed`);
    if (written !== LEARNERS || row.users !== LEARNERS)
      throw new Error(`the measured run wrote ${written} check-ins (${row.users} learners), expected ${LEARNERS}`);
    return { recordedByMeasuredRun: written, distinctLearners: row.users, roster500: await importTiming(server) };
  },
};

type OpenSession = { id: number; code: string };

/** The trainer opens a session of the demo class (now to two hours on) and reads its displayed code. */
async function openSessionWithCode(server: Server, trainer: string, title: string): Promise<OpenSession> {
  const { id } = await openSession(server, trainer, { title, rotateSeconds: 300, lateAfterMin: 15 });
  const display = await fetch(`${server.url}/khoa-hoc/1/diem-danh/${id}/ma`, { headers: { cookie: trainer } });
  const { code } = (await display.json()) as { code: string };
  if (!code) throw new Error("no check-in code on the display");
  return { id, code };
}

/** Every learner checks in to `session`, 50 at a time (the warm-up: not measured). */
async function checkInAll(server: Server, session: OpenSession, cookies: string[]) {
  const body = () => new URLSearchParams({ code: session.code, buoi: String(session.id) });
  let next = 0;
  const worker = async () => {
    while (next < cookies.length) {
      const res = await post(server, "/diem-danh", cookies[next++], body());
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`warm-up check-in failed: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(50, cookies.length) }, worker));
}

async function checkins(server: Server) {
  const [row] = await server.db.all<{ n: number; users: number }>(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT "userId") AS users FROM "Attendance" WHERE "sessionId" = ?',
    [sessionId],
  );
  return row;
}

/** Upload + preview, then commit, of a 500-row XLSX roster (all new accounts). */
async function importTiming(server: Server) {
  const trainer = await loginCookie(server, "giangvien@ocop-demo.vn", DEMO_PASSWORD);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["Họ và tên", "Số điện thoại", "Email", "Đơn vị (xã/huyện)", "Chức vụ", "Đối tượng"]);
  for (let i = 1; i <= 500; i++)
    ws.addRow([`Học Viên Đo Tải ${i}`, `0917${String(i).padStart(6, "0")}`, "", i % 2 ? "Xã Thiên Lộc" : "huyen can loc", "Cán bộ", "cán bộ xã"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const form = new FormData();
  form.append("file", new File([bytes], "lop-500.xlsx"));
  const t0 = performance.now();
  const preview = await post(server, "/khoa-hoc/1/nhap-danh-sach", trainer, form);
  const html = await preview.text();
  const t1 = performance.now();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (preview.status !== 200 || !token) throw new Error(`500-row preview failed: ${preview.status}`);
  const commit = await post(server, "/khoa-hoc/1/nhap-danh-sach", trainer, new URLSearchParams({ intent: "confirm", token }));
  const done = await commit.text();
  const t2 = performance.now();
  if (commit.status !== 200 || !done.includes("Đã nhập 500 học viên")) throw new Error(`500-row commit failed: ${commit.status}`);
  return { rows: 500, preview_ms: Math.round(t1 - t0), commit_ms: Math.round(t2 - t1), total_ms: Math.round(t2 - t0) };
}
