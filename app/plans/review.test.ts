import { describe, expect, it } from "vitest";
import { canCommentOnPlan, stepsNeedingLook } from "./review";

const owner = 7;
const officer = 9;
const at = (iso: string) => new Date(iso);
const comment = (step: number, authorId: number, iso: string, versionNumber = 1) => ({ step, authorId, createdAt: at(iso), versionNumber });

describe("stepsNeedingLook", () => {
  it("a reviewer's comment on the version under review marks its step until the producer edits that step", () => {
    const steps = [{ step: 9, updatedAt: at("2026-11-02T03:00:00Z") }];
    const comments = [comment(9, officer, "2026-11-03T03:00:00Z")];
    expect([...stepsNeedingLook(comments, steps, owner, 1)]).toEqual([9]);
    // the producer saved step 9 after the comment
    expect([...stepsNeedingLook(comments, [{ step: 9, updatedAt: at("2026-11-04T03:00:00Z") }], owner, 1)]).toEqual([]);
  });

  it("the producer's own answers mark nothing; a comment on a step never saved marks it", () => {
    expect([...stepsNeedingLook([comment(9, owner, "2026-11-03T03:00:00Z")], [], owner, 1)]).toEqual([]);
    expect([...stepsNeedingLook([comment(4, officer, "2026-11-03T03:00:00Z")], [], owner, 1)]).toEqual([4]);
  });

  it("resubmitting (a newer version) answers the comments on the earlier version", () => {
    expect([...stepsNeedingLook([comment(9, officer, "2026-11-03T03:00:00Z", 1)], [], owner, 2)]).toEqual([]);
  });

  it("a consultant's comment on a draft (version 0) counts until the step is edited", () => {
    expect([...stepsNeedingLook([comment(2, 11, "2026-11-03T03:00:00Z", 0)], [], owner, 0)]).toEqual([2]);
  });
});

describe("canCommentOnPlan", () => {
  it("the producer always; an invited consultant on a draft or a plan returned for changes only", () => {
    for (const status of ["DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "APPROVED"]) expect(canCommentOnPlan("owner", status)).toBe(true);
    expect(["DRAFT", "RETURNED", "SUBMITTED", "APPROVED", "REJECTED"].filter((s) => canCommentOnPlan("consultant", s))).toEqual(["DRAFT", "RETURNED"]);
  });
});
