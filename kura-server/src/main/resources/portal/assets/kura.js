// Kura portal: small progressive enhancements. Everything works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Sorting applies as soon as an option is chosen (the button is there without JavaScript).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // Autocomplete from /api/suggest: an ARIA combobox with keyboard support.
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.createElement('ul');
    list.className = 'suggestions';
    list.id = input.id + '-suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.parentNode.appendChild(list);
    var timer = null, active = -1;

    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; }
    function choose(text) { input.value = text; close(); input.form.submit(); }
    function mark(i) {
      var items = list.querySelectorAll('li');
      items.forEach(function (li, n) { li.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
      active = i;
      if (items[i]) { input.setAttribute('aria-activedescendant', items[i].id); }
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 1) { close(); return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + '?limit=8&q=' + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (body) {
            list.textContent = '';
            (body.suggestions || []).forEach(function (s, n) {
              var li = document.createElement('li');
              li.id = list.id + '-' + n;
              li.setAttribute('role', 'option');
              li.textContent = s;
              li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(s); });
              list.appendChild(li);
            });
            var any = list.children.length > 0;
            list.hidden = !any;
            input.setAttribute('aria-expanded', any ? 'true' : 'false');
          })
          .catch(close);
      }, 150);
    });
    input.addEventListener('keydown', function (e) {
      var n = list.children.length;
      if (list.hidden || n === 0) { return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); mark((active + 1) % n); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark((active - 1 + n) % n); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(list.children[active].textContent); }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  });

  // Maps: Leaflet, its marker clusters, the base map and map.js are fetched only when a map is shown
  // (a theme's map when it scrolls into view, the results page's map when its toggle opens it).
  var mapAssets = null;
  function loadMapAssets() {
    if (mapAssets) { return mapAssets; }
    ['leaflet.css', 'MarkerCluster.css', 'MarkerCluster.Default.css'].forEach(function (f) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/assets/vendor/' + f;
      document.head.appendChild(link);
    });
    mapAssets = ['/assets/vendor/leaflet.js', '/assets/vendor/leaflet.markercluster.js',
      '/assets/vendor/topojson-client.min.js', '/assets/map.js'].reduce(function (ready, src) {
      return ready.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement('script');
          script.src = src;
          script.onload = resolve;
          script.onerror = function () { reject(new Error('cannot load ' + src)); };
          document.head.appendChild(script);
        });
      });
    }, Promise.resolve());
    return mapAssets;
  }
  function showMap(section) {
    if (section.dataset.loaded) { return; }
    section.dataset.loaded = 'true';
    loadMapAssets().then(function () { window.KuraMap.show(section); })
      .catch(function () { section.classList.add('map-unavailable'); });
  }
  document.querySelectorAll('section[data-map]').forEach(function (section) {
    var toggle = document.querySelector('[data-map-toggle][aria-controls="' + section.id + '"]');
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        section.hidden = !open;
        if (open) { showMap(section); }
      });
    } else if ('IntersectionObserver' in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); showMap(section); }
      }, { rootMargin: '200px' });
      seen.observe(section);
    } else {
      showMap(section);
    }
  });
})();
