// Opens the manifest named by data-manifest in Mirador (bundled from npm, served by Kura itself).
(function () {
  'use strict';
  var el = document.getElementById('mirador');
  if (!el || !window.Mirador) { return; }
  window.Mirador.viewer({
    id: 'mirador',
    windows: [{ manifestId: new URL(el.dataset.manifest, window.location.href).href, thumbnailNavigationPosition: 'far-bottom' }],
    language: document.documentElement.lang === 'en' ? 'en' : 'ja',
    workspaceControlPanel: { enabled: false },
    workspace: { showZoomControls: true }
  });
})();
