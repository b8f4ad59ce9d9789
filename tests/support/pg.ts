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

/** A new database copied from `template` (which must have no open connection). */
export function createDatabase(name: string, template?: string): Promise<void> {
  return admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
  });
}

export function dropDatabase(name: string): Promise<void> {
  return admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`)));
}

/** Databases an interrupted run left behind. */
export function dropTestDatabases(): Promise<void> {
  return admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  });
}
