// Production entry (`npm start`, the systemd unit): one web process (server/app.js), or with
// WEB_CONCURRENCY=N on PostgreSQL, N of them under a supervisor that restarts one that dies
// (server/cluster.js, docs/decisions/0047). README "Deploying" says how to run it behind nginx.
import cluster from "node:cluster";
import { processCount, superviseWorkers } from "./server/cluster.js";
import { createLogger } from "./server/request-log.js";

let count;
try {
  count = processCount(process.env);
} catch (error) {
  console.error(error.message); // a setting to fix, not a crash to debug
  process.exit(1);
}
if (cluster.isPrimary && count > 1) superviseWorkers(count, createLogger());
else await import("./server/app.js");
