// IIIF Authorization Flow 2.0, the browser's part (no inline script: the pages' CSP allows only 'self').
// On the token service page: send the access token (or the error) to the viewer that framed the page,
// to the origin it named and no other. On the page after a sign-in opened by a viewer: close the window.
(function () {
  'use strict';
  var el = document.currentScript;
  if (!el) { return; }
  if (el.dataset.mode === 'close') {
    window.close();
    return;
  }
  var message = JSON.parse(el.dataset.message);
  var origin = el.dataset.origin;
  if (window.parent && window.parent !== window && origin) {
    window.parent.postMessage(message, origin);
  }
})();
