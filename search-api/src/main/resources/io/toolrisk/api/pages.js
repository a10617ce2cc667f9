// ToolRisk's pages work without this script; it only adds copy buttons to the policy previews of a server page.
// A button copies the whole policy (fetched from data-src: a preview may be cut short), or the preview if that fails.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Pages served over plain HTTP to another host have no clipboard API: copy through a selected text area.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      if (copied) resolve(); else reject(new Error("copy refused"));
    });
  }

  function policyText(button) {
    var preview = document.getElementById(button.getAttribute("data-copy"));
    var fallback = preview ? preview.textContent : "";
    var src = button.getAttribute("data-src");
    if (!src || src.charAt(0) !== "/" || src.charAt(1) === "/") return Promise.resolve(fallback);
    return fetch(src, {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.text() : fallback; })
      .catch(function () { return fallback; });
  }

  function show(button, label) {
    button.textContent = label;
    window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
  }

  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      policyText(button)
        .then(copyText)
        .then(function () { show(button, "Copied"); })
        .catch(function () { show(button, "Copy failed: select the text"); });
    });
  });
})();
