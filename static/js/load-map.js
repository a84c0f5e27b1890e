// Load a map only when the person asks for it: the link becomes a sandboxed frame.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-load-map]");
  if (!link) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = link.getAttribute("data-load-map");
  frame.title = link.getAttribute("data-map-title");
  frame.setAttribute("sandbox", "allow-scripts allow-top-navigation-by-user-activation");
  frame.setAttribute("referrerpolicy", "same-origin");
  var holder = link.closest(".map-load");
  holder.parentNode.replaceChild(frame, holder);
});
