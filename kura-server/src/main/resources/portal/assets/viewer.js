// Opens the manifest named by data-manifest in Mirador (bundled from npm, served by Kura itself).
(function () {
  'use strict';
  var el = document.getElementById('mirador');
  if (!el || !window.Mirador) { return; }
  var manifestId = new URL(el.dataset.manifest, window.location.href).href;
  var win = { manifestId: manifestId, thumbnailNavigationPosition: 'far-bottom' };
  // Kura's canvases are <item>/canvas/<n> beside <item>/manifest: open at the page a search result named
  if (el.dataset.page && /\/manifest$/.test(manifestId)) {
    win.canvasId = manifestId.replace(/\/manifest$/, '/canvas/' + el.dataset.page);
  }
  // run the search inside the item (IIIF Content Search), so that its hits are highlighted on the page
  if (el.dataset.search) {
    win.defaultSearchQuery = el.dataset.search;
    win.sideBarOpenByDefault = true;
    win.defaultSideBarPanel = 'search';
  }
  window.Mirador.viewer({
    id: 'mirador',
    windows: [win],
    language: document.documentElement.lang === 'en' ? 'en' : 'ja',
    workspaceControlPanel: { enabled: false },
    workspace: { showZoomControls: true }
  });
})();
