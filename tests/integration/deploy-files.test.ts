import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { renderSite } from "../../scripts/nginx-config.mjs";

/** The files an office copies to a server stay what the tested template and scripts produce. */
describe("deploy/", () => {
  it("the committed nginx example is the template rendered for lms.example.gov.vn", () => {
    const example = renderSite({
      serverName: "lms.example.gov.vn",
      certificate: "/etc/letsencrypt/live/lms.example.gov.vn/fullchain.pem",
      key: "/etc/letsencrypt/live/lms.example.gov.vn/privkey.pem",
    });
    expect(fs.readFileSync("deploy/nginx-ocop-lms.example.conf", "utf8")).toBe(example);
  });

  it("the example passes nginx's own check when nginx is installed", (ctx) => {
    const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
    if (!nginx) return ctx.skip();
    const dir = fs.mkdtempSync("tests/.tmp/nginx-check-");
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=lms.example.gov.vn",
          "-keyout",
          `${dir}/key.pem`,
          "-out",
          `${dir}/cert.pem`,
        ],
        { stdio: "pipe" },
      );
      const site = fs
        .readFileSync("deploy/nginx-ocop-lms.example.conf", "utf8")
        .replaceAll("/etc/letsencrypt/live/lms.example.gov.vn/fullchain.pem", `${process.cwd()}/${dir}/cert.pem`)
        .replaceAll("/etc/letsencrypt/live/lms.example.gov.vn/privkey.pem", `${process.cwd()}/${dir}/key.pem`)
        .replaceAll("/var/log/nginx/ocop-lms.access.log", `${process.cwd()}/${dir}/access.log`);
      fs.writeFileSync(`${dir}/nginx.conf`, `pid ${process.cwd()}/${dir}/nginx.pid;\nevents {}\nhttp {\n${site}\n}\n`);
      execFileSync(nginx, ["-t", "-q", "-c", `${process.cwd()}/${dir}/nginx.conf`, "-e", `${process.cwd()}/${dir}/error.log`], { stdio: "pipe" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the systemd unit starts server.js with the production settings and stops it with SIGTERM", () => {
    const unit = fs.readFileSync("deploy/ocop-lms.service", "utf8");
    expect(unit).toMatch(/^ExecStart=.*node server\.js$/m);
    expect(unit).toMatch(/^Environment=NODE_ENV=production$/m);
    expect(unit).toMatch(/^Environment=TRUST_PROXY=1$/m);
    expect(unit).toMatch(/^Environment=HOST=127\.0\.0\.1$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
  });

  it("the unit's migration step, run as written, migrates an empty database", () => {
    const unit = fs.readFileSync("deploy/ocop-lms.service", "utf8");
    const [command, ...args] = unit
      .match(/^ExecStartPre=(.*)$/m)![1]
      .replaceAll("/opt/ocop-lms", process.cwd())
      .split(" ");
    const file = path.resolve(`tests/.tmp/unit-migrate-${process.pid}.db`);
    try {
      execFileSync(command, args, { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
      const db = new Database(file, { readonly: true });
      const applied = db.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL").get() as { n: number };
      const migrations = fs.readdirSync("prisma/migrations").filter((name) => fs.statSync(`prisma/migrations/${name}`).isDirectory());
      db.close();
      expect(applied.n).toBe(migrations.length);
    } finally {
      for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    }
  }, 60_000);
});
