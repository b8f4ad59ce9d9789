// TRUST_PROXY → Express's "trust proxy" setting, parsed so that "1" is a hop count rather than
// an address, and a typo stops the server instead of silently trusting nobody (or everybody).
import net from "node:net";

const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * "" or unset → false (no proxy: req.ip is the socket's address);
 * "1", "2" → that many proxies in front (the last N addresses of X-Forwarded-For are theirs);
 * "loopback", "10.0.0.5", "10.0.0.0/8, ::1" → only these addresses are proxies.
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "false") return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "true") {
    throw new Error("TRUST_PROXY=true would trust any client's X-Forwarded-For; give the number of proxies (1) or their addresses.");
  }
  const entries = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!NAMED.has(entry) && !isAddressOrSubnet(entry)) {
      throw new Error(`TRUST_PROXY: "${entry}" is neither a hop count, an IP address, a subnet (a.b.c.d/n) nor loopback/linklocal/uniquelocal.`);
    }
  }
  return entries;
}

function isAddressOrSubnet(entry) {
  const [address, bits, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
