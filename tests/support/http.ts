import type { AppLoadContext } from "@remix-run/node";
import { tableNames } from "~/db/tables.server";
import { createSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";

/**
 * Integration tests call route loaders and actions directly with real Requests against the
 * per-file SQLite database: no mocks, the same code path as the server minus the socket.
 */
export const ORIGIN = "http://localhost:3000";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export function demoAccount(role: DemoRole) {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!;
}

export async function userIdOf(emailOrPhone: string): Promise<number> {
  const user = await db().user.findFirstOrThrow({ where: { OR: [{ email: emailOrPhone }, { phone: emailOrPhone }] } });
  return user.id;
}

/** A real session for a demo account (or any user id), as the Cookie header a browser would send. */
export async function cookieFor(who: DemoRole | number): Promise<string> {
  const userId = typeof who === "number" ? who : await userIdOf(demoAccount(who).email);
  const { token } = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  return `ocop_session=${token}`;
}

type Options = { cookie?: string; origin?: string | null; headers?: Record<string, string> };

export function getRequest(path: string, opts: Options = {}): Request {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  return new Request(new URL(path, ORIGIN), { headers });
}

export function postRequest(path: string, fields: Record<string, string | string[]> | FormData, opts: Options = {}): Request {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  if (opts.origin !== null) headers.set("Origin", opts.origin ?? ORIGIN);
  let body: FormData | URLSearchParams;
  if (fields instanceof FormData) body = fields;
  else {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return new Request(new URL(path, ORIGIN), { method: "POST", headers, body });
}

export const testContext = (ip = "127.0.0.1"): AppLoadContext => ({ clientIp: ip, cspNonce: "" });

export type Outcome<T = unknown> = { status: number; data: T; headers: Headers; location: string | null };

/**
 * Runs a loader/action call and normalises what Remix would send: a returned or thrown
 * Response, a `data()` result with its status, or a plain object (200).
 */
export async function run<T = any>(call: () => Promise<unknown> | unknown): Promise<Outcome<T>> {
  let result: unknown;
  try {
    result = await call();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* plain text body */
    }
    return { status: result.status, data: data as T, headers: result.headers, location: result.headers.get("Location") };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const r = result as { data: T; init: ResponseInit | null };
    const headers = new Headers(r.init?.headers);
    return { status: r.init?.status ?? 200, data: r.data, headers, location: headers.get("Location") };
  }
  if (result instanceof Error) throw result;
  return { status: 200, data: result as T, headers: new Headers(), location: null };
}

let names: string[] | undefined;

/** Row counts of every table (one query): "nothing was written" is then one equality. */
export async function tableCounts(): Promise<Record<string, number>> {
  names ??= await tableNames();
  const sql = names.map((name) => `SELECT '${name}' AS name, COUNT(*) AS n FROM "${name}"`).join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; n: bigint | number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
