// "Use my location": the browser asks for the location only after this click, and
// the coordinates are rounded to 2 decimals (about 1 km) before they leave the page.
(function () {
  "use strict";
  var button = document.querySelector("[data-near-me]");
  if (!button || !("geolocation" in navigator)) return;
  var form = button.form;
  var status = form.querySelector("[data-near-me-status]");
  button.hidden = false;

  button.addEventListener("click", function () {
    status.textContent = button.dataset.searching;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(2);
        form.elements.lon.value = position.coords.longitude.toFixed(2);
        form.elements.place.value = "";
        form.elements.region.value = "";
        form.submit();
      },
      function () { status.textContent = button.dataset.denied; },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 }
    );
  });

  // A typed place or a chosen state replaces an earlier "near me".
  function forgetPoint() {
    form.elements.lat.value = "";
    form.elements.lon.value = "";
  }
  form.elements.place.addEventListener("input", forgetPoint);
  form.elements.region.addEventListener("change", function () {
    forgetPoint();
    form.elements.place.value = "";
  });
})();
