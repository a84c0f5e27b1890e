// "Directions" hands the destination to the phone's own maps app where it can:
// Android gets a geo: address (Chrome's intent form, which opens the web map when no
// app takes it), iPhones and iPads the Apple Maps link; other devices keep the web map
// the page was written with. Only places with a public address carry the link.
(function () {
  var agent = navigator.userAgent;
  var android = /Android/i.test(agent);
  var apple = /iPhone|iPad|iPod/i.test(agent);
  if (!android && !apple) return;
  document.querySelectorAll("a[data-directions]").forEach(function (link) {
    var point = link.getAttribute("data-directions"); // "lat,lon"
    link.href = android
      ? "intent:" + point + "?q=" + point + "#Intent;scheme=geo;S.browser_fallback_url=" +
        encodeURIComponent(link.href) + ";end"
      : "https://maps.apple.com/?daddr=" + point;
  });
})();
