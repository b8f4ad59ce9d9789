import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import { freePort } from "./harness";

export type Proxy = { url: string; stop(): Promise<void> };

const NGINX = "/usr/sbin/nginx";

/**
 * The documented deployment in front of a bench server: nginx from deploy/nginx-site.conf.template (TLS, HTTP/2),
 * started by the proxy e2e pass's script (scripts/e2e-proxy.sh) with a self-signed certificate made for the run.
 * Null when nginx is not installed (`.ci/run` installs it), so a developer's bench still runs the rest.
 */
export async function startNginx(appUrl: string): Promise<Proxy | null> {
  if (!fs.existsSync(NGINX)) return null;
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  // certificate, rendered config, then nginx in the foreground (everything under tests/.tmp/proxy)
  const child: ChildProcess = spawn("bash", ["scripts/e2e-proxy.sh"], {
    env: { ...process.env, E2E_APP_PORT: new URL(appUrl).port, E2E_TLS_PORT: String(httpsPort), E2E_HTTP_PORT: String(httpPort) },
    stdio: "ignore",
  });
  const url = `https://localhost:${httpsPort}`;
  for (let i = 0; ; i++) {
    if ((await healthz(url)) === 200) break;
    if (i > 100 || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer at ${url} (tests/.tmp/proxy/error.log)`);
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
