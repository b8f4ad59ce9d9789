/**
 * The questions one attempt asks, pure and deterministic: the same seed (the attempt's token) and
 * the same earlier attempts give the same draw. The draw is balanced across the module's lessons
 * (each lesson gets an even share, as far as it has questions), prefers questions the learner was
 * not asked before, and gives up balance only where balance alone would repeat more than half of
 * the questions of an earlier attempt (decision 0040).
 */
export type BankQuestion = { id: string; lesson: string };

/** A seeded generator in [0, 1): the string is hashed (FNV-1a) into the state of mulberry32. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** How many questions each lesson gives: an even share, capped by what the lesson has; the remainder goes to lessons in `order`. */
export function lessonQuotas(capacity: Map<string, number>, count: number, order: readonly string[]): Map<string, number> {
  const quota = new Map(order.map((l) => [l, 0]));
  let left = Math.min(
    count,
    [...capacity.values()].reduce((s, n) => s + n, 0),
  );
  while (left > 0) {
    const open = order.filter((l) => quota.get(l)! < capacity.get(l)!);
    const share = Math.floor(left / open.length);
    if (share === 0) {
      for (const l of open.slice(0, left)) quota.set(l, quota.get(l)! + 1);
      break;
    }
    for (const l of open) {
      const add = Math.min(share, capacity.get(l)! - quota.get(l)!);
      quota.set(l, quota.get(l)! + add);
      left -= add;
    }
  }
  return quota;
}

/**
 * Draws `count` question ids from `bank` (all when `count` is larger). `earlier` holds the question ids
 * of the learner's earlier attempts at this quiz.
 */
export function drawQuestions(bank: readonly BankQuestion[], count: number, earlier: readonly (readonly string[])[], random: () => number): string[] {
  const asked = earlier.map((ids) => new Set(ids));
  const usedBefore = (id: string) => asked.some((s) => s.has(id));
  const lessons = shuffle([...new Set(bank.map((q) => q.lesson))], random);
  const pools = new Map(
    lessons.map((l) => [
      l,
      shuffle(
        bank.filter((q) => q.lesson === l).map((q) => q.id),
        random,
      ),
    ]),
  );
  const capacity = new Map(lessons.map((l) => [l, pools.get(l)!.length]));
  const fresh = new Map(lessons.map((l) => [l, pools.get(l)!.filter((id) => !usedBefore(id)).length]));
  const quota = lessonQuotas(capacity, count, lessons);
  const total = [...quota.values()].reduce((s, n) => s + n, 0);

  // Move a question's place from a lesson short of fresh questions to one with fresh questions to spare,
  // until at most half the draw was asked before (or nothing can move).
  const repeats = () => lessons.reduce((s, l) => s + Math.max(0, quota.get(l)! - fresh.get(l)!), 0);
  while (repeats() > Math.floor(total / 2)) {
    // the largest share gives, the smallest takes: as even as the bound allows
    const donor = lessons.filter((l) => quota.get(l)! > fresh.get(l)!).reduce<string | null>((m, l) => (!m || quota.get(l)! > quota.get(m)! ? l : m), null);
    const taker = lessons.filter((l) => fresh.get(l)! > quota.get(l)!).reduce<string | null>((m, l) => (!m || quota.get(l)! < quota.get(m)! ? l : m), null);
    if (!donor || !taker) break;
    quota.set(donor, quota.get(donor)! - 1);
    quota.set(taker, quota.get(taker)! + 1);
  }

  // Within each lesson, one question at a time: the one that adds least to its worst overlap with an earlier attempt.
  const overlap = asked.map(() => 0);
  const cost = (id: string) => asked.reduce((worst, s, i) => (s.has(id) ? Math.max(worst, overlap[i] + 1) : worst), 0);
  const drawn: string[] = [];
  for (let k = 0; k < total; k++) {
    let best: { lesson: string; index: number; cost: number; room: number } | null = null;
    for (const l of lessons) {
      const room = quota.get(l)!;
      if (room === 0) continue;
      for (const [index, id] of pools.get(l)!.entries()) {
        const c = cost(id);
        if (!best || c < best.cost || (c === best.cost && room > best.room)) best = { lesson: l, index, cost: c, room };
      }
    }
    const pick = best!;
    const [id] = pools.get(pick.lesson)!.splice(pick.index, 1);
    quota.set(pick.lesson, pick.room - 1);
    asked.forEach((s, i) => s.has(id) && overlap[i]++);
    drawn.push(id);
  }
  // the bank's order, so "shuffleQuestions: false" keeps the author's order
  const position = new Map(bank.map((q, i) => [q.id, i]));
  return drawn.sort((a, b) => position.get(a)! - position.get(b)!);
}
