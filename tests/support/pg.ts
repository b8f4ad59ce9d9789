import pg from "pg";

/**
 * The PostgreSQL pass (`npm run test:pg`, decision 0045): TEST_PG_URL names the server's maintenance database; each
 * test's database is `CREATE DATABASE … TEMPLATE` of its suite's, which is one of the migrated, seeded template —
 * a file copy inside the server, as fast as SQLite's copy of template.db.
 */
export const TEST_PG_URL = process.env.TEST_PG_URL;
export const onPostgres = Boolean(TEST_PG_URL);
export const TEMPLATE_NAME = "ocop_t_template";
export const PREFIX = "ocop_t_";

/** The URL of database `name` on the test server. */
export function pgUrlOf(name: string): string {
  const url = new URL(TEST_PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name: ${name}`);
  return `"${name}"`;
};

/** A new database copied from `template` (which must have no open connection); one of the same name goes first. */
export async function createDatabase(name: string, template?: string): Promise<void> {
  await dropDatabase(name);
  return admin(async (c) => {
    // a request of the previous test may still be finishing on the source: wait for it (up to 5 s)
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
}

/** Drops a database, ending its connections; a backend the role may not end (another role's) is waited for. */
export function dropDatabase(name: string): Promise<void> {
  return admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
        return;
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
}

/** Databases an interrupted run left behind. */
export function dropTestDatabases(): Promise<void> {
  return admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
    return rows.map((r) => r.datname);
  }).then(async (names) => {
    for (const name of names) await dropDatabase(name);
  });
}
