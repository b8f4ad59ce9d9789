import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { renderSite, renderTestConf } from "../scripts/nginx-config.mjs";
import { freePort } from "./harness";

export type Proxy = { url: string; stop(): Promise<void> };

const NGINX = "/usr/sbin/nginx";

/**
 * The documented deployment in front of a bench server: nginx from deploy/nginx-site.conf.template (TLS, HTTP/2,
 * the same file the proxy e2e pass renders) with a self-signed certificate made for the run. Null when nginx is
 * not installed (`.ci/run` installs it), so a developer's bench still runs the rest.
 */
export async function startNginx(appUrl: string): Promise<Proxy | null> {
  if (!fs.existsSync(NGINX)) return null;
  const dir = path.resolve("tests/.tmp/bench-proxy");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"],
      ...["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
      ...["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
    ],
    { stdio: "ignore" },
  );
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const site = renderSite({
    serverName: "localhost",
    certificate: path.join(dir, "cert.pem"),
    key: path.join(dir, "key.pem"),
    app: new URL(appUrl).host,
    httpPort,
    httpsPort,
    accessLog: path.join(dir, "access.log"),
  });
  fs.writeFileSync(path.join(dir, "nginx.conf"), renderTestConf(dir, site));
  const child: ChildProcess = spawn(NGINX, ["-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log"), "-g", "daemon off;"], {
    stdio: "ignore",
  });
  const url = `https://localhost:${httpsPort}`;
  for (let i = 0; ; i++) {
    if ((await healthz(url)) === 200) break;
    if (i > 100 || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer at ${url}: ${fs.readFileSync(path.join(dir, "error.log"), "utf8").slice(-500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}

/** The status of GET /healthz through the proxy (its certificate is the run's own), or 0 while it is not up. */
function healthz(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = https.get(`${url}/healthz`, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}
