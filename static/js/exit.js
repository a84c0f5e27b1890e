// "Exit this page": leave for a neutral site without keeping this page in the history.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-exit]");
  if (!link) return;
  event.preventDefault();
  window.location.replace(link.href);
});
