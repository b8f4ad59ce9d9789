// Caps every request body at the edge, counting bytes as they come off the socket — not only a
// declared Content-Length. A chunked body is held here until it is complete and only then handed
// on, so whatever reads it later (Remix, a form parser, an upload reader) never sees more than the
// limit; past the limit the request is answered 413 and the connection closed.
// The app's own readers count too, with tighter limits per kind of form (app/forms/body.server.ts).

/** Above the largest body the app accepts (a 2 MB roster upload), so the app's own messages show first. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** A class's attachment upload (20 MB a file, app/materials/limits.ts): the one path that takes more. */
export const ATTACHMENT_UPLOAD_PATH = /^\/khoa-hoc\/\d+\/tai-lieu\/?$/;
export const ATTACHMENT_BODY_LIMIT_BYTES = 24 * 1024 * 1024;

/** The limit for a request: the attachment upload's, or the default. */
export function limitFor(req) {
  return ATTACHMENT_UPLOAD_PATH.test(req.path ?? "") ? ATTACHMENT_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

const LINGER_MS = 5000;

/** `message`: the answer's text, from the catalogue (server.js passes the build's `edgeMessages.tooLarge`). */
export function bodyLimit(message, limitOf = limitFor) {
  return (req, res, next) => {
    const limit = typeof limitOf === "number" ? limitOf : limitOf(req);
    const declared = req.headers["content-length"];
    if (declared !== undefined && !(Number(declared) <= limit)) return refuse(req, res, message);
    // With a declared length Node's parser never delivers more than it; a body already complete was small.
    if (req.complete || req.headers["transfer-encoding"] === undefined) return next();

    const push = req.push;
    const held = [];
    let size = req.readableLength; // a first chunk may have arrived with the headers
    req.push = function holdUntilComplete(chunk, encoding) {
      if (chunk === null) {
        req.push = push;
        for (const part of held) push.call(req, part);
        push.call(req, null);
        next();
        return false;
      }
      size += chunk.length;
      if (size > limit) {
        held.length = 0;
        req.push = () => true; // from here on, what arrives is dropped
        refuse(req, res, message);
        return true;
      }
      held.push(typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk);
      return true;
    };
  };
}

function refuse(req, res, message) {
  res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(message, () => lingeringClose(req.socket));
}

/**
 * Close our side but keep reading (and dropping, as the parser frames it) what the client is still
 * sending, for a moment: a socket closed with unread data resets the connection, and the client
 * may then lose the answer before it reads it.
 */
function lingeringClose(socket) {
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
