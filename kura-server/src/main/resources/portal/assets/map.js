// Kura portal map (loaded by kura.js only when a map is shown): the bundled Natural Earth base map, an
// operator's tile layer if configured, the records' points as clustered markers with popups linking to the
// records, and the list of mapped records (the map's text alternative). Titles are set as text, never as HTML.
(function () {
  'use strict';

  function text(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function link(p) {
    var a = document.createElement('a');
    a.href = p.url;
    a.textContent = p.title || p.url;
    return a;
  }

  // The points of a search (/search/points?…), or the record page's own locations (data-lat/data-lon).
  function points(section) {
    if (section.dataset.points) {
      return fetch(section.dataset.points, { headers: { Accept: 'application/json' } }).then(function (r) {
        if (!r.ok) { throw new Error('points: HTTP ' + r.status); }
        return r.json();
      });
    }
    var own = [];
    section.querySelectorAll('[data-lat]').forEach(function (li) {
      own.push({ lat: Number(li.dataset.lat), lon: Number(li.dataset.lon), title: li.textContent.trim() });
    });
    return Promise.resolve({ total: own.length, shown: own.length, points: own });
  }

  function baseMap(map) {
    fetch('/assets/vendor/countries-50m.json').then(function (r) { return r.json(); }).then(function (topo) {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: '#8a8a80', weight: 0.6, fillColor: '#f3f0e6', fillOpacity: 1 }
      }).addTo(map).bringToBack();
    });
  }

  function show(section) {
    var canvas = section.querySelector('.map-canvas');
    var map = L.map(canvas, { worldCopyJump: true, minZoom: 1, maxZoom: 16 }).setView([36.5, 138], 4);
    map.attributionControl.addAttribution(text(section.dataset.baseAttribution || 'Natural Earth'));
    baseMap(map);
    if (section.dataset.tiles) {
      L.tileLayer(section.dataset.tiles, { attribution: text(section.dataset.tilesAttribution), maxZoom: 18 }).addTo(map);
    }
    points(section).then(function (doc) {
      var layer = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
      var list = section.querySelector('.map-list ol');
      doc.points.forEach(function (p) {
        var marker = L.marker([p.lat, p.lon], {
          icon: L.divIcon({ className: 'map-pin', iconSize: [16, 16] }),
          title: p.title || '',
          keyboard: true
        });
        if (p.url) {
          marker.bindPopup(link(p));
          if (list) {
            var li = document.createElement('li');
            li.appendChild(link(p));
            list.appendChild(li);
          }
        }
        layer.addLayer(marker);
      });
      map.addLayer(layer);
      if (doc.points.length > 0) {
        map.fitBounds(layer.getBounds(), { maxZoom: 6, padding: [40, 40] });
      }
      var status = section.querySelector('.map-status');
      if (status && section.dataset.showing) {
        status.textContent = section.dataset.showing.replace('{0}', String(doc.shown)).replace('{1}', String(doc.total));
      }
      section.classList.add('map-ready');
    }).catch(function () { section.classList.add('map-unavailable'); });
  }

  window.KuraMap = { show: show };
})();
