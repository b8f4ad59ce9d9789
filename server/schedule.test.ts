import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { every } from "./schedule.js";

const quiet = () => ({ info: vi.fn(), error: vi.fn() });

describe("every (the server's scheduled work)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once at start, then at each interval, until stopped", async () => {
    const task = vi.fn(async () => 0);
    const { started, stop } = every(60_000, task, { logger: quiet(), name: "overdue" });
    expect(task).toHaveBeenCalledTimes(1);
    await started;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(task).toHaveBeenCalledTimes(3);
    await stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it("never starts a run while the last one is still going, and stop waits for it", async () => {
    let finish = () => {};
    const task = vi.fn(() => new Promise<number>((resolve) => (finish = () => resolve(2))));
    const logger = quiet();
    const { stop } = every(1_000, task, { logger, name: "overdue" });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(logger.info).toHaveBeenCalledWith({ job: "overdue", done: 2 }, "scheduled job");
  });

  it("logs a failure and tries again at the next interval", async () => {
    const logger = quiet();
    const task = vi.fn().mockRejectedValueOnce(new Error("database is locked")).mockResolvedValue(0);
    const { stop } = every(1_000, task, { logger, name: "overdue" });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(task).toHaveBeenCalledTimes(2);
    await stop();
  });
});
