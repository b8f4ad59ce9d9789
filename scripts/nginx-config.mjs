#!/usr/bin/env node
// Renders deploy/nginx-site.conf.template.
//   Production (prints a site file for /etc/nginx/sites-available/):
//     node scripts/nginx-config.mjs --server-name lms.example.gov.vn \
//       --certificate /etc/letsencrypt/live/lms.example.gov.vn/fullchain.pem \
//       --key /etc/letsencrypt/live/lms.example.gov.vn/privkey.pem [--app 127.0.0.1:3000]
//   Test (scripts/e2e-proxy.sh): a whole nginx.conf with its own pid, logs and temp folders.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const TEMPLATE = fileURLToPath(new URL("../deploy/nginx-site.conf.template", import.meta.url));

export function renderSite({
  serverName,
  certificate,
  key,
  app = "127.0.0.1:3000",
  httpPort = 80,
  httpsPort = 443,
  accessLog = "/var/log/nginx/ocop-lms.access.log",
}) {
  const values = {
    SERVER_NAME: serverName,
    CERTIFICATE: certificate,
    CERTIFICATE_KEY: key,
    APP: app,
    HTTP_PORT: String(httpPort),
    HTTPS_PORT: String(httpsPort),
    HTTPS_PORT_SUFFIX: Number(httpsPort) === 443 ? "" : `:${httpsPort}`,
    ACCESS_LOG: accessLog,
  };
  return fs.readFileSync(TEMPLATE, "utf8").replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (values[name] === undefined) throw new Error(`nginx template: no value for {{${name}}}`);
    return values[name];
  });
}

/** A self-contained nginx.conf for a test run: everything nginx writes goes under `dir`. */
export function renderTestConf(dir, site) {
  const runAs = process.getuid?.() === 0 ? "user root;\n" : ""; // the temp folders are root's
  return `${runAs}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  default_type application/octet-stream;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site.replace(/^/gm, "  ")}
}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      "server-name": { type: "string" },
      certificate: { type: "string" },
      key: { type: "string" },
      app: { type: "string" },
      "http-port": { type: "string" },
      "https-port": { type: "string" },
      "access-log": { type: "string" },
      "test-dir": { type: "string" },
    },
  });
  const site = renderSite({
    serverName: values["server-name"] ?? "localhost",
    certificate: values.certificate,
    key: values.key,
    app: values.app,
    httpPort: values["http-port"] ?? 80,
    httpsPort: values["https-port"] ?? 443,
    accessLog: values["access-log"] ?? (values["test-dir"] ? path.join(values["test-dir"], "access.log") : undefined),
  });
  process.stdout.write(values["test-dir"] ? renderTestConf(path.resolve(values["test-dir"]), site) : site);
}
