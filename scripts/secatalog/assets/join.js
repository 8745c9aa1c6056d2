/* The 참여하기 form: checks fields with the schema's own patterns and limits, counts characters
   as the member types, takes several products, and writes enterprise.yml. Nothing leaves the
   browser. Strings are written as JSON strings, which YAML reads as-is. */
(function () {
  "use strict";
  var form = document.querySelector("[data-sc-join]");
  if (!form) return;
  var errors = document.querySelector(".sc-form-errors");
  var result = document.querySelector(".sc-join-result");
  var products = form.querySelector("[data-sc-products]");
  var template = products.querySelector("[data-sc-product]").cloneNode(true);
  var ONE_LINE = { mission: true, summary: true };

  function q(value) { return JSON.stringify(value); }
  function value(scope, name) {
    var el = scope.querySelector("[name='" + name + "']");
    if (!el) return "";
    if (el.type === "checkbox") return el.checked ? "1" : "";
    var text = el.value.trim();
    return ONE_LINE[name] ? text.replace(/\s*\n\s*/g, " ") : text;
  }
  function length(el) { return Array.from(el.value.trim()).length; }

  function count(el) {
    var note = document.getElementById(el.id + "-count");
    if (!note) return;
    var max = Number(el.getAttribute("data-max"));
    var help = note.textContent.indexOf(" · ") >= 0 ? note.textContent.split(" · ")[0] + " · " : "";
    note.textContent = help + length(el).toLocaleString("ko-KR") + " / " + max.toLocaleString("ko-KR") + "자" +
      (length(el) > max ? " (넘쳤습니다)" : "");
    note.classList.toggle("sc-count--over", length(el) > max);
  }
  form.addEventListener("input", function (event) {
    if (event.target.hasAttribute("data-max")) count(event.target);
  });

  function renumber() {
    var sets = products.querySelectorAll("[data-sc-product]");
    Array.prototype.forEach.call(sets, function (set, i) {
      set.querySelector("[data-sc-number]").textContent = String(i + 1);
      set.querySelector("[data-sc-remove]").hidden = sets.length === 1;
    });
  }
  var added = 1;
  form.querySelector("[data-sc-add]").addEventListener("click", function () {
    added += 1;
    var set = template.cloneNode(true);
    Array.prototype.forEach.call(set.querySelectorAll("[id]"), function (el) {
      el.id = el.id.replace(/-1(-count)?$/, "-" + added + "$1");
    });
    Array.prototype.forEach.call(set.querySelectorAll("[for]"), function (el) {
      el.setAttribute("for", el.getAttribute("for").replace(/-1$/, "-" + added));
    });
    Array.prototype.forEach.call(set.querySelectorAll("[aria-describedby]"), function (el) {
      el.setAttribute("aria-describedby", el.getAttribute("aria-describedby").replace(/-1-count$/, "-" + added + "-count"));
    });
    products.appendChild(set);
    renumber();
    set.querySelector("input").focus();
  });
  products.addEventListener("click", function (event) {
    var button = event.target.closest("[data-sc-remove]");
    if (!button) return;
    button.closest("[data-sc-product]").remove();
    renumber();
    form.querySelector("[data-sc-add]").focus();
  });

  function label(el) {
    var text = form.querySelector("label[for='" + el.id + "']").textContent.replace(" *", "");
    var set = el.closest("[data-sc-product]");
    return set ? "제품·서비스 " + set.querySelector("[data-sc-number]").textContent + "의 " + text : text;
  }
  // The error under its field too (not only in the list above the form), tied to it for
  // screen readers with aria-describedby.
  function showNext(el, msg) {
    var id = el.id + "-error";
    var note = document.getElementById(id);
    if (!msg) {
      if (note) note.remove();
      var left = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
      if (left.length) el.setAttribute("aria-describedby", left.join(" ")); else el.removeAttribute("aria-describedby");
      return;
    }
    if (!note) {
      note = document.createElement("small");
      note.id = id;
      note.className = "sc-field-error";
      (el.type === "checkbox" ? el.parentNode : el).insertAdjacentElement("afterend", note);
      var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      ids.push(id);
      el.setAttribute("aria-describedby", ids.join(" "));
    }
    note.textContent = msg;
  }
  function check() {
    var problems = [];
    var ids = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.willValidate) return;
      el.setCustomValidity("");
      if (el.type !== "email" && el.type !== "checkbox" && el.value !== el.value.trim()) el.value = el.value.trim();
      var msg = "";
      var max = Number(el.getAttribute("data-max") || 0);
      if (el.validity.valueMissing) msg = label(el) + ": 꼭 적어야 합니다";
      else if (!el.checkValidity()) msg = label(el) + ": " + el.getAttribute("data-msg");
      else if (max && length(el) > max) msg = label(el) + ": " + max + "자까지 쓸 수 있습니다 (지금 " + length(el) + "자)";
      else if (el.name === "product_id" && el.value) {
        if (ids[el.value]) msg = label(el) + ": 다른 제품과 같은 이름입니다. 제품마다 다른 주소 이름을 쓰세요";
        ids[el.value] = true;
      }
      if (msg) {
        el.setCustomValidity(msg);
        el.setAttribute("aria-invalid", "true");
        problems.push({ el: el, msg: msg });
      } else {
        el.removeAttribute("aria-invalid");
      }
      showNext(el, msg);
    });
    return problems;
  }

  function yaml() {
    var lines = [
      "# yaml-language-server: $schema=../../schema/enterprise.schema.json",
      "name: " + q(value(form, "name")),
      "org_type: " + value(form, "org_type"),
      "mission: " + q(value(form, "mission")),
    ];
    if (value(form, "introduction")) lines.push("introduction: " + q(value(form, "introduction")));
    lines.push("social_purpose: " + value(form, "social_purpose"));
    if (value(form, "phone")) lines.push("phone: " + q(value(form, "phone")));
    if (value(form, "email")) lines.push("email: " + q(value(form, "email")));
    if (value(form, "maintainer")) lines.push("maintainers: [" + q(value(form, "maintainer")) + "]");
    if (value(form, "cert_type")) {
      lines.push("certifications:", "  - type: " + value(form, "cert_type"));
      if (value(form, "cert_number")) lines.push("    number: " + q(value(form, "cert_number")));
      if (value(form, "cert_expires")) lines.push("    expires: " + value(form, "cert_expires"));
      lines.push("    # file: certificate.pdf      # 인증서 사본 (같은 폴더)");
    }
    lines.push("products:");
    Array.prototype.forEach.call(products.querySelectorAll("[data-sc-product]"), function (set) {
      var price = value(set, "price");
      lines.push("  - id: " + value(set, "product_id"), "    kind: " + value(set, "kind"),
        "    name: " + q(value(set, "product_name")), "    category: " + value(set, "category"),
        "    price: " + (price === "협의" ? "협의" : price));
      if (value(set, "unit")) lines.push("    unit: " + q(value(set, "unit")));
      if (value(set, "gift") && value(set, "kind") === "product") lines.push("    gift: true");
      if (value(set, "summary")) lines.push("    summary: " + q(value(set, "summary")));
      if (value(set, "description")) lines.push("    description: " + q(value(set, "description")));
      lines.push("    # photos:", "    #   - {file: " + value(set, "product_id") + ".jpg, alt: \"무엇이 보이는지 한 문장으로\"}");
    });
    return lines.join("\n") + "\n";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var problems = check();
    errors.innerHTML = "";
    if (problems.length) {
      var list = document.createElement("ul");
      problems.forEach(function (p) {
        var li = document.createElement("li");
        li.textContent = p.msg;
        list.appendChild(li);
      });
      var head = document.createElement("p");
      head.textContent = "고칠 곳이 " + problems.length + "개 있습니다.";
      errors.appendChild(head);
      errors.appendChild(list);
      errors.hidden = false;
      result.hidden = true;
      problems[0].el.focus();
      return;
    }
    errors.hidden = true;
    var text = yaml();
    document.getElementById("f-yaml").value = text;
    var path = "content/enterprises/" + value(form, "slug") + "/enterprise.yml";
    var download = result.querySelector("[data-sc-download]");
    download.href = "data:text/yaml;charset=utf-8," + encodeURIComponent(text);
    var github = result.querySelector("[data-sc-github]");
    var noId = !value(form, "maintainer");
    result.querySelector("[data-sc-no-github]").hidden = !noId;
    if (github) {
      github.hidden = noId;  // without a maintainer, the ownership check refuses the member's own entry
      github.href = github.getAttribute("data-repo").replace(/\/$/, "") + "/new/main?filename=" +
        encodeURIComponent(path) + "&value=" + encodeURIComponent(text);
    }
    var mail = result.querySelector("[data-sc-mail]");
    if (mail) {
      mail.href = "mailto:" + mail.getAttribute("data-to") + "?subject=" +
        encodeURIComponent("[참여 신청] " + value(form, "name")) + "&body=" + encodeURIComponent(path + "\n\n" + text);
    }
    result.hidden = false;
    document.getElementById("result").scrollIntoView();
  });
})();
