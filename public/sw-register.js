/* global window */
// Installs the learner app's service worker (app/offline/service-worker.js → /sw.js, docs/decisions/0046)
// where the browser has them and the page is a secure context; it only adds to the pages.
if ("serviceWorker" in navigator && window.isSecureContext) window.addEventListener("load", () => navigator.serviceWorker.register("/sw.js").catch(() => {}));
