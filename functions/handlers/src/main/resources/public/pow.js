// The opinion form's proof of work (ALTCHA protocol): find n with SHA-256(salt + n) = challenge, then put the
// solution in the form. Without this script (or without Web Crypto) the form still works: the opinion is
// taken and a clerk checks it. No data leaves the page; nothing is stored.
(function () {
  "use strict";
  var summary = document.getElementById("loi");
  if (summary) {
    summary.focus(); // the error summary first, as a screen reader user needs it
  }
  var form = document.getElementById("gui-y-kien");
  if (!form || !form.dataset.powChallenge || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var d = form.dataset;
  var field = form.elements.namedItem("altcha");
  var status = document.getElementById("pow-trang-thai");
  var button = form.querySelector("button[type=submit]");
  var solved = false;
  var waiting = false;
  var sent = false;
  var enc = new TextEncoder();

  function hex(buf) {
    var b = new Uint8Array(buf), s = "";
    for (var i = 0; i < b.length; i++) {
      s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    }
    return s;
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  async function solve() {
    var max = parseInt(d.powMax, 10) || 100000;
    for (var n = 0; n <= max; n++) {
      var h = hex(await crypto.subtle.digest("SHA-256", enc.encode(d.powSalt + n)));
      if (h === d.powChallenge) {
        return n;
      }
    }
    return -1;
  }

  function done(n) {
    if (n >= 0) {
      field.value = btoa(JSON.stringify({algorithm: d.powAlgorithm, challenge: d.powChallenge, number: n,
        salt: d.powSalt, signature: d.powSignature}));
      form.dataset.powSolved = "true";
    }
    solved = true; // without a solution the opinion is still sent, and a clerk checks it
    if (waiting) {
      say("Đang gửi…");
      sent = true;
      form.submit();
    }
  }

  solve().then(done, function () { done(-1); });

  form.addEventListener("submit", function (e) {
    if (sent) {
      e.preventDefault(); // a second click: the first submission is on its way
      return;
    }
    if (!solved) {
      e.preventDefault();
      waiting = true;
      say("Đang xác minh trước khi gửi, vui lòng chờ vài giây…");
      button.disabled = true;
      return;
    }
    sent = true;
    button.disabled = true;
    say("Đang gửi…");
  });
})();
