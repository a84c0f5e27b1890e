// Print or share an organization's card. Sharing hands the plain address to the
// device's own share sheet: nothing is added to it and nothing is sent to us.
(function () {
  "use strict";
  var print = document.querySelector("[data-print]");
  var share = document.querySelector("[data-share]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: share.dataset.title, url: share.dataset.url }).catch(function () {});
    });
  }
})();
