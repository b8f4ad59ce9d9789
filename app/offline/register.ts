import { useEffect } from "react";

/**
 * Installs the service worker (/sw.js, docs/decisions/0046) once the page has loaded. It only adds:
 * a browser without service workers, or a page without JavaScript, works as before.
 */
export function useServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  }, []);
}
