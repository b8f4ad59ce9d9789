import { describe, expect, it } from "vitest";
import { issueCertificate, revokeCertificates } from "~/certificates/certificates.server";
import { db } from "~/db/db.server";
import * as verify from "~/routes/chung-nhan.$code";
import * as verifyForm from "~/routes/chung-nhan._index";
import * as printPage from "~/routes/giay-chung-nhan.$code";
import { COURSE } from "../../prisma/demo-data";
import { cookieFor, demoAccount, getRequest, run, testContext, userIdOf } from "../support/http";

async function courseAndLearner() {
  const course = await db().course.findUniqueOrThrow({ where: { code: COURSE.code } });
  return { courseId: course.id, userId: await userIdOf(demoAccount("learner").email), trainerId: await userIdOf(demoAccount("trainer").email) };
}

/** The certificate of an enrolled learner (issuing it cannot be refused). */
async function issued(courseId: number, userId: number, trainerId: number) {
  const outcome = await issueCertificate(courseId, userId, trainerId);
  if (!outcome.ok) throw new Error(`not issued: ${outcome.reason}`);
  return outcome.certificate;
}

const lookup = (code: string, ip = "10.20.0.1") =>
  run(() => verify.loader({ request: getRequest(`/chung-nhan/${code}`), params: { code }, context: testContext(ip) }));

describe("certificates", () => {
  it("are refused, as an outcome and without writing, to a person not enrolled in the course", async () => {
    const { courseId, trainerId } = await courseAndLearner();
    const stranger = await userIdOf(demoAccount("admin").email);
    expect(await db().enrolment.count({ where: { courseId, userId: stranger } })).toBe(0);
    expect(await issueCertificate(courseId, stranger, trainerId)).toEqual({ ok: false, reason: "notEnrolled" });
    expect(await db().certificate.count({ where: { courseId, userId: stranger } })).toBe(0);
  });

  it("are issued once, even when issued concurrently", async () => {
    const { courseId, userId, trainerId } = await courseAndLearner();
    const all = await Promise.all(Array.from({ length: 8 }, () => issued(courseId, userId, trainerId)));
    expect(new Set(all.map((c) => c.code)).size).toBe(1);
    expect(await db().certificate.count({ where: { courseId, userId } })).toBe(1);
    expect(all[0].issuer).toBe("Văn phòng Điều phối Nông thôn mới tỉnh Hà Tĩnh");
    expect(all[0].holderName).toBe(demoAccount("learner").fullName);
  });

  it("the public page shows only validity, holder, course and date", async () => {
    const { courseId, userId, trainerId } = await courseAndLearner();
    const cert = await issued(courseId, userId, trainerId);
    const res = await lookup(cert.code.toLowerCase().replace(/-/g, ""));
    expect(res.status).toBe(200);
    expect(res.data.state).toBe("valid");
    expect(Object.keys(res.data.certificate).sort()).toEqual(["code", "courseTitle", "holderName", "issuedOn", "issuer"]);
    const text = JSON.stringify(res.data);
    for (const secret of [demoAccount("learner").email, demoAccount("learner").phone, "Thiên Lộc", "userId"]) expect(text).not.toContain(secret);
  });

  it("shows a revoked certificate as revoked", async () => {
    const { courseId, userId, trainerId } = await courseAndLearner();
    const cert = await issued(courseId, userId, trainerId);
    expect(await revokeCertificates(courseId, [userId], "Cấp nhầm", trainerId)).toBe(1);
    expect((await lookup(cert.code)).data.state).toBe("revoked");
    // a revoked certificate is not silently re-issued
    expect((await issued(courseId, userId, trainerId)).revokedAt).not.toBeNull();
  });

  it("answers 404 for unknown or malformed codes", async () => {
    expect((await lookup("ABCD-EFGH-JKMN-PQRS")).status).toBe(404);
    expect((await lookup("<script>")).status).toBe(404);
  });

  it("rate limits lookups per address", async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await lookup("ABCD-EFGH-JKMN-PQRS", "10.30.0.1")).status;
    expect(last).toBe(429);
    expect((await lookup("ABCD-EFGH-JKMN-PQRS", "10.30.0.2")).status).toBe(404);
  });

  it("the code form sends a valid code on and explains a bad one", async () => {
    const ok = await run(() => verifyForm.loader({ request: getRequest("/chung-nhan?ma=abcd efgh jkmn pqrs"), params: {}, context: testContext() }));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/chung-nhan/ABCD-EFGH-JKMN-PQRS");
    const bad = await run(() => verifyForm.loader({ request: getRequest("/chung-nhan?ma=123"), params: {}, context: testContext() }));
    expect(bad.data.error).toMatch(/16 ký tự/);
  });
});

describe("printable certificate", () => {
  it("opens for its holder, the course's trainer and the admin; 404 for another learner", async () => {
    const { courseId, userId, trainerId } = await courseAndLearner();
    const cert = await issued(courseId, userId, trainerId);
    const open = async (cookie: string) =>
      run(() => printPage.loader({ request: getRequest(`/giay-chung-nhan/${cert.code}`, { cookie }), params: { code: cert.code }, context: testContext() }));
    const holder = await open(await cookieFor("learner"));
    expect(holder.status).toBe(200);
    expect(holder.data.holderName).toBe(demoAccount("learner").fullName);
    expect(holder.data.qr).toContain("<svg");
    expect(holder.data.verifyUrl).toBe(`http://localhost:3000/chung-nhan/${cert.code}`);
    expect((await open(await cookieFor("trainer"))).status).toBe(200);
    expect((await open(await cookieFor("admin"))).status).toBe(200);
    expect((await open(await cookieFor("producer"))).status).toBe(404);
    expect((await open(await cookieFor("appraiser"))).status).toBe(404);
  });
});
