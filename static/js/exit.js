// "Exit this page": leave for a neutral site without keeping this page in the history.
// The button (templates/base.html) does it, and so does Esc, except where Esc already
// means something: in a text box, a list or a dialog Esc keeps its own meaning (it
// clears a search box, closes a list), so typing is never cut short; from there, the
// button (always on screen) or Esc after leaving the field exits.
function exitNow() {
  var link = document.querySelector("a[data-exit]");
  if (link) window.location.replace(link.href);
}

function escHasAMeaningThere(target) {
  return Boolean(
    target.closest &&
      target.closest("input, select, textarea, [contenteditable], dialog, [role=dialog]")
  );
}

document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-exit]");
  if (!link) return;
  event.preventDefault();
  exitNow();
});

document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (escHasAMeaningThere(event.target)) return;
  event.preventDefault();
  exitNow();
});
