// One request starts per turn of the event loop. Node 20's libuv accepts one new connection per
// turn (libuv PR #3696), and a turn runs every request whose bytes arrived in it: with 50 phones'
// requests in a turn, the next phone's connection waits for all of them, and the last of a hall's
// new connections waits for nearly the whole burst. Starting one request per turn puts an accept
// between any two requests, so a phone that connects while the server is busy joins the queue
// at once instead of after everyone already in (docs/decisions/0060).

/** Express middleware: hands each request on in its own turn, in the order they arrived. */
export function oneRequestPerTurn() {
  const waiting = [];
  let scheduled = false;
  const startNext = () => {
    const next = waiting.shift();
    // set before starting: an immediate queued during this turn's check phase runs in the next turn
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(startNext);
    next();
  };
  return (_req, _res, next) => {
    waiting.push(next);
    if (!scheduled) {
      scheduled = true;
      setImmediate(startNext);
    }
  };
}
