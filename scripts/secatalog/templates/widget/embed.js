/* secatalog widget: paste the snippet from the catalog's "홈페이지에 넣기" page.
   No dependencies, no cookies, no third-party requests. It draws inside a shadow root,
   so the host page's CSS cannot break it and it cannot break the host page. If anything
   fails, the plain link that the snippet already contains stays as it is. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.fetch || !document.head.attachShadow) return;
  var base = me.src.replace(/widget\/embed\.js(?:[?#].*)?$/, "");
  var CSS = ":host{all:initial;display:block;font:14px/1.45 system-ui,'Noto Sans KR','Malgun Gothic',sans-serif;color:#1a1a1a;word-break:keep-all;overflow-wrap:break-word}" +
    ".w{border:1px solid SC_COLOUR;border-radius:6px;padding:0 10px 10px;background:#fff;max-width:100%;box-sizing:border-box;overflow:hidden}" +
    "header{background:SC_COLOUR;color:#fff;margin:0 -10px 8px;padding:7px 10px 6px}" +
    "h2{font-size:15px;margin:0;color:#fff}p{margin:0 0 8px;font-size:13px}header p{margin:1px 0 0;font-size:12.5px}" +
    "ul{list-style:none;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:4px}" +
    "a{color:SC_COLOUR;text-decoration:underline}a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #ff6f00;outline-offset:1px}" +
    "li a{display:inline-block;border:1px solid #9fa8da;border-radius:4px;padding:2px 6px;font-size:13px;text-decoration:none}" +
    ".more{margin:8px 0 0;padding-top:8px;border-top:1px solid #e0e3ec;font-size:13px}" +
    "form{display:flex;gap:4px;flex-wrap:wrap}label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}" +
    "input{flex:1 1 8em;min-width:0;font:inherit;padding:3px 6px;border:1px solid #5c6bc0;border-radius:4px}" +
    "button{font:inherit;padding:3px 10px;border:0;border-radius:4px;background:SC_COLOUR;color:#fff;cursor:pointer}" +
    ".ask{margin:8px 0 0;padding:5px 8px;background:#f4f5fb;border-radius:4px;color:#444}.ask b{white-space:nowrap;color:#1a1a1a}" +
    ".ok{display:inline-block;margin-bottom:8px;font-weight:bold}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}";
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function safe(url) { return /^https?:\/\//i.test(url) ? url : base; }
  function link(url, text) {
    var a = el("a", { href: safe(url), target: "_blank", rel: "noopener" }, text);
    a.appendChild(el("span", { "class": "sr" }, " (새 창)"));
    return a;
  }
  function render(host, data) {
    var root = host.attachShadow({ mode: "open" });
    root.appendChild(el("style", {}, CSS));
    var box = el("nav", { "class": "w", "aria-label": data.name + " 공공구매 카탈로그" });
    var head = el("header", {});  // the name on a band of the network's colour, as in the iframe
    head.appendChild(el("h2", {}, data.name + " 공공구매 카탈로그"));
    head.appendChild(el("p", {}, "기업 " + data.enterprises + "곳 · 제품·서비스 " + data.items + "개"));
    box.appendChild(head);
    // the count kept with the words before it (at 200 px "(29개)" stood alone on a line)
    var ok = link(data.eligible_url, "수의계약 가능 품목 바로\u00a0보기\u00a0(" + data.eligible + "개)");
    ok.className = "ok";
    box.appendChild(ok);
    // the iframe's chips: the first few categories, then the whole list (all twelve made the
    // script's box twice as tall as the iframe's)
    var list = el("ul", {});
    data.categories.slice(0, SC_CHIPS).forEach(function (c) {
      var li = el("li", {});
      li.appendChild(link(c.url, c.name + " " + c.count));
      list.appendChild(li);
    });
    if (data.categories.length > SC_CHIPS) {
      var all = el("li", {});
      all.appendChild(link(data.url + "#categories", "전체 분류 ›"));
      list.appendChild(all);
    }
    box.appendChild(list);
    var form = el("form", { action: safe(data.url), method: "get", target: "_blank", role: "search" });
    var id = "sc-q-" + Math.random().toString(36).slice(2);
    form.appendChild(el("label", { "for": id }, "제품·서비스 검색"));
    form.appendChild(el("input", { id: id, name: "q", type: "search", placeholder: data.hint || "" }));
    var go = el("button", { type: "submit" }, "검색");  // "(새 창)" for a screen reader only, as on the links
    go.appendChild(el("span", { "class": "sr" }, " (새 창)"));
    form.appendChild(go);
    box.appendChild(form);
    if (data.phone) {  // whom to call, under the search as in the iframe
      var ask = el("p", { "class": "ask" }, "구매 문의 ");
      ask.appendChild(el("b", {}, data.phone));
      ask.appendChild(document.createTextNode(" (사무국)"));
      box.appendChild(ask);
    }
    var more = el("p", { "class": "more" });  // the same foot as the iframe's
    more.appendChild(link(data.url + "enterprises/", "기업 찾기"));
    more.appendChild(document.createTextNode(" · "));
    more.appendChild(link(data.url, "카탈로그 처음으로"));
    box.appendChild(more);
    root.appendChild(box);
  }
  var hosts = document.querySelectorAll("[data-secatalog-widget]:not([data-secatalog-ready])");
  if (!hosts.length) return;
  fetch(base + "widget/widget.json", { credentials: "omit" })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) {
      Array.prototype.forEach.call(hosts, function (host) {
        try { render(host, data); host.setAttribute("data-secatalog-ready", ""); } catch (e) { /* keep the link */ }
      });
    })
    .catch(function () { /* keep the plain link */ });
})();
