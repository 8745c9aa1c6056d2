/* The desktop sidebar is taller than the window when a network has many categories. Material
   scrolls it so the current page's link sits in the middle, which leaves a link cut in half at the
   top. Instead: no scroll when the link is in view from the top; otherwise the link's section
   heading at the top, always at a row's edge. Runs after Material's own scroll (which waits for an
   animation frame). */
(function () {
  "use strict";
  function settle() {
    var active = document.querySelector(".md-sidebar--primary .md-nav__link--active[href]");
    var wrap = active && active.closest(".md-sidebar__scrollwrap");
    if (!wrap || !active.clientHeight) return;
    var origin = wrap.getBoundingClientRect().top - wrap.scrollTop;
    function at(el) { return el.getBoundingClientRect().top - origin; }
    var top = at(active), bottom = top + active.offsetHeight, room = wrap.clientHeight;
    var most = wrap.scrollHeight - room;
    var section = active.closest(".md-nav__item--section") || active.closest(".md-nav__item");
    var wanted = bottom <= room ? 0 : bottom - at(section) <= room ? at(section) : top;
    wanted = Math.max(0, Math.min(wanted, most));
    // Rows' top edges; the scroll stops at the last one at or above the wanted place, so no row
    // is cut at the top, unless that would hide the current link.
    var rows = Array.prototype.filter.call(wrap.querySelectorAll(".md-nav__link, .md-nav__title"), function (el) {
      return el.offsetParent !== null;
    }).map(at);
    var above = rows.filter(function (r) { return r <= wanted + 0.5; });
    var stop = above.length ? Math.max.apply(null, above) : 0;
    if (bottom - stop > room) {
      var below = rows.filter(function (r) { return r >= wanted - 0.5; });
      stop = below.length ? Math.min.apply(null, below) : wanted;
    }
    wrap.scrollTop = stop;
  }
  /* On a page shorter than the menu (꾸러미, a small category) the footer rose into the sidebar's
     box and cut the menu off: the page's main area is made at least as tall as the whole menu,
     and Material (which watches that area's size) gives the sidebar its full height. */
  function room() {
    var nav = document.querySelector(".md-sidebar--primary .md-sidebar__inner");
    var main = document.querySelector(".md-main__inner");
    if (!nav || !main || !window.matchMedia("(min-width: 76.25em)").matches) return;
    main.style.minHeight = Math.ceil(nav.scrollHeight + 48) + "px";
  }
  // The header's tab of a marked entry's section (the tabs are the menu's top entries, in order).
  function markTab(link) {
    var item = link.closest(".md-nav--primary > .md-nav__list > .md-nav__item");
    var tabs = document.querySelectorAll(".md-tabs__item");
    if (!item || !tabs.length) return;
    var tab = tabs[Array.prototype.indexOf.call(item.parentElement.children, item)];
    if (tab) tab.classList.add("md-tabs__item--active");
  }
  // A page the menu does not list (an item, an enterprise, a case) marks the entry it belongs
  // to, and its section's tab: its first breadcrumb, else the nearest listed folder above it,
  // else the entry of the folder its breadcrumb is in (an item's category is folded into
  // 분류별 찾기, whose entry is its first category: nothing was marked, so the menu lost the
  // reader's place).
  function markParent() {
    var nav = document.querySelector(".md-sidebar--primary .md-nav--primary");
    if (!nav || nav.querySelector(".md-nav__link--active")) return;
    var links = Array.prototype.slice.call(nav.querySelectorAll("a.md-nav__link[href]"));
    var home = links[0], byPath = {}, paths = [];
    var root = new URL(home.href, location.href).pathname.replace(/[^/]*$/, "");
    links.forEach(function (a) {
      if (a === home) return;
      var path = new URL(a.href, location.href).pathname;
      byPath[path] = a;
      paths.push(path);
    });
    function above(path) {  // the folders above path, nearest first, down to the site's root
      var out = [];
      while (/\/[^/]+\/$/.test(path) && path.length > root.length) {
        path = path.replace(/[^/]+\/$/, "");
        if (path.length > root.length) out.push(path);
      }
      return out;
    }
    var crumb = document.querySelector(".sc-crumbs a[href]");
    var trail = crumb ? new URL(crumb.href, location.href).pathname : "";
    var exact = (trail ? [trail] : []).concat(above(location.pathname.replace(/[^/]*$/, "")));
    var folders = trail ? above(trail) : [];
    var link = null;
    for (var i = 0; i < exact.length && !link; i++) link = byPath[exact[i]];
    for (var j = 0; j < folders.length && !link; j++) {
      for (var k = 0; k < paths.length && !link; k++) if (paths[k].indexOf(folders[j]) === 0) link = byPath[paths[k]];
    }
    if (link) { link.classList.add("md-nav__link--active", "sc-nav__parent"); markTab(link); }
  }
  function later() {
    markParent();
    room();
    requestAnimationFrame(function () { requestAnimationFrame(settle); });
    // the web font changes the rows' height when it arrives: settle again on the rows as drawn
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { requestAnimationFrame(settle); });
  }
  if (window.document$) window.document$.subscribe(later);
  else document.addEventListener("DOMContentLoaded", later);
})();
