import type { RunnerTestSuite as Suite } from "vitest";
import { beforeAll } from "vitest";

declare global {
  var __ocopStoryFile: boolean | undefined;
}

/**
 * Debt, not a pattern (decision 0028): the tests of the calling file still build on one another (a plan
 * submitted in one test is decided in the next). They share one database and run in written order even
 * under `--sequence.shuffle`, until each is rewritten to build what it needs; then this call goes.
 */
export function testsBuildOnEachOther() {
  globalThis.__ocopStoryFile = true;
  beforeAll((file) => {
    const inOrder = (suite: Suite) => {
      suite.shuffle = false;
      for (const task of suite.tasks) if (task.type === "suite") inOrder(task);
    };
    inOrder(file as Suite);
  });
}
