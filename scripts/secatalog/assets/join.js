/* The 참여하기 form: checks fields with the schema's own patterns and writes enterprise.yml.
   Nothing leaves the browser. Strings are written as JSON strings, which YAML reads as-is. */
(function () {
  "use strict";
  var form = document.querySelector("[data-sc-join]");
  if (!form) return;
  var errors = document.querySelector(".sc-form-errors");
  var result = document.querySelector(".sc-join-result");
  function q(value) { return JSON.stringify(value); }
  function field(name) { return form.elements[name].value.trim(); }
  function check() {
    var problems = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.willValidate) return;
      el.setCustomValidity("");
      if (el.type !== "email" && el.value !== el.value.trim()) el.value = el.value.trim();
      if (!el.checkValidity()) {
        var label = form.querySelector("label[for='" + el.id + "']").textContent.replace(" *", "");
        var msg = el.validity.valueMissing ? label + ": 꼭 적어야 합니다" : label + ": " + el.getAttribute("data-msg");
        el.setCustomValidity(msg);
        el.setAttribute("aria-invalid", "true");
        problems.push({ el: el, msg: msg });
      } else {
        el.removeAttribute("aria-invalid");
      }
    });
    return problems;
  }
  function yaml() {
    var price = field("price");
    var lines = [
      "# yaml-language-server: $schema=../../schema/enterprise.schema.json",
      "name: " + q(field("name")),
      "org_type: " + field("org_type"),
      "mission: " + q(field("mission")),
      "social_purpose: " + field("social_purpose")
    ];
    if (field("phone")) lines.push("phone: " + q(field("phone")));
    if (field("email")) lines.push("email: " + q(field("email")));
    if (field("maintainer")) lines.push("maintainers: [" + q(field("maintainer")) + "]");
    lines.push("products:", "  - id: " + field("product_id"), "    kind: " + field("kind"),
      "    name: " + q(field("product_name")), "    category: " + field("category"),
      "    price: " + (price === "협의" ? "협의" : price));
    if (field("unit")) lines.push("    unit: " + q(field("unit")));
    if (field("summary")) lines.push("    summary: " + q(field("summary")));
    lines.push("    # photos:", "    #   - {file: photo.jpg, alt: \"사진 설명\"}");
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
    var path = "content/enterprises/" + field("slug") + "/enterprise.yml";
    var download = result.querySelector("[data-sc-download]");
    download.href = "data:text/yaml;charset=utf-8," + encodeURIComponent(text);
    var github = result.querySelector("[data-sc-github]");
    if (github) {
      github.href = github.getAttribute("data-repo").replace(/\/$/, "") + "/new/main?filename=" +
        encodeURIComponent(path) + "&value=" + encodeURIComponent(text);
    }
    var mail = result.querySelector("[data-sc-mail]");
    if (mail) {
      mail.href = "mailto:" + mail.getAttribute("data-to") + "?subject=" +
        encodeURIComponent("[참여 신청] " + field("name")) + "&body=" + encodeURIComponent(path + "\n\n" + text);
    }
    result.hidden = false;
    document.getElementById("result").scrollIntoView();
  });
})();
