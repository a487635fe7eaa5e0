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
})();
