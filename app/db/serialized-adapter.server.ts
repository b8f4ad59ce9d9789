import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * The better-sqlite3 adapter shares one connection between all requests and only makes
 * transactions wait for each other. A plain query from another request issued while an
 * interactive transaction is open would run *inside* that transaction and vanish with its
 * rollback. This wrapper makes every top-level statement wait until no transaction is open
 * (see docs/decisions/0003-sqlite-prisma-adapter.md).
 */
export function serializeAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return new SerializedAdapter(await factory.connect());
    },
  };
}

class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  private readonly lock = new Lock();
  readonly provider;
  readonly adapterName;
  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  queryRaw(query: SqlQuery) {
    return this.lock.run(() => this.inner.queryRaw(query));
  }
  executeRaw(query: SqlQuery) {
    return this.lock.run(() => this.inner.executeRaw(query));
  }
  executeScript(script: string) {
    return this.lock.run(() => this.inner.executeScript(script));
  }
  async startTransaction(isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) {
    const release = await this.lock.acquire();
    try {
      const tx = await this.inner.startTransaction(isolationLevel);
      return releasingOnEnd(tx, release);
    } catch (error) {
      release();
      throw error;
    }
  }
  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }
  dispose() {
    return this.inner.dispose();
  }
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const once = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => tx.queryRaw(q),
    executeRaw: (q) => tx.executeRaw(q),
    commit: () => tx.commit().finally(once),
    rollback: () => tx.rollback().finally(once),
  };
}
