// Organizations as points on one canvas, grouped where they crowd (CSO Map).
// The page carries no points: they come as compact JSON (or inline in an export),
// so a map of 100,000 organizations stays small. Text from the directory is only
// ever placed with textContent, never as HTML.
(function () {
  "use strict";

  var CELL = 48; // px: below `groupBelowZoom`, points this close form a group
  var RADIUS = 5;
  var HIT = 10; // px: how near a click must be

  function mercator(lon, lat) {
    var sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return [
      (lon + 180) / 360,
      0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI),
    ];
  }

  // Greedy grouping on a grid: a point joins a group whose first point lies
  // within CELL pixels (looked up in the 9 cells around it), else starts one.
  function nearbyGroup(seeds, px, py) {
    var cx = Math.floor(px / CELL), cy = Math.floor(py / CELL);
    for (var dx = -1; dx <= 1; dx++) {
      for (var dy = -1; dy <= 1; dy++) {
        var group = seeds.get(cx + dx + ":" + (cy + dy));
        if (group) {
          var ex = group.seedX - px, ey = group.seedY - py;
          if (ex * ex + ey * ey < CELL * CELL) return group;
        }
      }
    }
    return null;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // The states as a light background: from inline GeoJSON, or fetched.
  function outlines(map, data, url) {
    var layer = L.geoJSON(null, {
      interactive: false,
      style: { color: "#6b7280", weight: 1, fillColor: "#f4f7f9", fillOpacity: 0.6 },
    }).addTo(map);
    layer.bringToBack();
    if (data) return layer.addData(data);
    fetch(url, { credentials: "omit" })
      .then(function (response) { return response.json(); })
      .then(function (geojson) { layer.addData(geojson); layer.bringToBack(); });
    return layer;
  }

  // Zoom buttons titled in the page's language, a scale whose words fit its
  // bar, and, when the map has no tiles, the states' outlines behind it all.
  function controls(map, options) {
    L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
    L.control.scale({ maxWidth: options.scaleWidth }).addTo(map);
    if (options.outlinesUrl) outlines(map, null, options.outlinesUrl);
  }

  var PointsLayer = L.Layer.extend({
    initialize: function (options) {
      this.options = options;
      this._items = [];
    },

    onAdd: function (map) {
      this._map = map;
      this._canvas = L.DomUtil.create("canvas", "cso-points leaflet-zoom-hide");
      // Above the regions (overlay pane, 400), below popups and tooltips.
      var pane = map.getPane("csoPoints") || map.createPane("csoPoints");
      pane.style.zIndex = 450;
      pane.style.pointerEvents = "none";
      pane.appendChild(this._canvas);
      map.on("moveend resize", this._draw, this);
      map.on("click", this._click, this);
      this._outline(map);
      if (this._data) this._draw();
      else this._load();
    },

    _outline: function (map) {
      var options = this.options;
      if (this._outlines || !(options.outlines || options.outlinesUrl)) return;
      this._outlines = outlines(map, options.outlines, options.outlinesUrl);
    },

    onRemove: function (map) {
      map.off("moveend resize", this._draw, this);
      map.off("click", this._click, this);
      L.DomUtil.remove(this._canvas);
    },

    _load: function (attempt) {
      var self = this;
      attempt = attempt || 1;
      if (this.options.data) return this._ready(this.options.data);
      // A request with no answer after 15 s is given up and tried again (the
      // body, which can be large on a slow phone, has as long as it needs).
      var controller = window.AbortController ? new AbortController() : null;
      var timer = controller && setTimeout(function () { controller.abort(); }, 15000);
      fetch(this.options.url, {
        credentials: "omit",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          clearTimeout(timer);
          if (!response.ok) throw new Error("points: HTTP " + response.status);
          return response.json();
        })
        .then(function (data) { self._ready(data); })
        .catch(function (error) {
          clearTimeout(timer);
          // A slow or dropped connection (a cheap phone, a busy server): try
          // again a few times, waiting longer each time, before giving up.
          if (attempt < 4) {
            setTimeout(function () { self._load(attempt + 1); }, 500 * attempt);
          } else if (window.console) {
            window.console.error(error);
          }
        });
    },

    _ready: function (data) {
      var count = data.lon.length;
      this._data = data;
      this._x = new Float64Array(count);
      this._y = new Float64Array(count);
      for (var i = 0; i < count; i++) {
        var point = mercator(data.lon[i], data.lat[i]);
        this._x[i] = point[0];
        this._y[i] = point[1];
      }
      if (this._map) this._draw();
      if (this.options.onReady) this.options.onReady(count);
    },

    _draw: function () {
      if (!this._data) return;
      var map = this._map;
      var size = map.getSize();
      var ratio = window.devicePixelRatio || 1;
      var canvas = this._canvas;
      var topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      var context = canvas.getContext("2d");
      context.setTransform(ratio, 0, 0, ratio, 0, 0);

      var scale = 256 * Math.pow(2, map.getZoom());
      var origin = map.getPixelBounds().min;
      var grouping = map.getZoom() < this.options.groupBelowZoom;
      var seeds = new Map(); // cell of a group's first point -> group
      var groups = [];
      var singles = [];
      for (var i = 0; i < this._x.length; i++) {
        var px = this._x[i] * scale - origin.x;
        var py = this._y[i] * scale - origin.y;
        if (px < -CELL || py < -CELL || px > size.x + CELL || py > size.y + CELL) continue;
        if (!grouping) { singles.push([px, py, i]); continue; }
        var group = nearbyGroup(seeds, px, py);
        if (group) { group.x += px; group.y += py; group.members.push(i); continue; }
        group = { seedX: px, seedY: py, x: px, y: py, members: [i] };
        seeds.set(Math.floor(px / CELL) + ":" + Math.floor(py / CELL), group);
        groups.push(group);
      }
      var drawnGroups = [];
      groups.forEach(function (g) {
        var n = g.members.length;
        if (n === 1) singles.push([g.x, g.y, g.members[0]]);
        else drawnGroups.push([g.x / n, g.y / n, n]);
      });
      groups = drawnGroups;
      this._drawSingles(context, singles);
      this._drawGroups(context, groups);
      this._items = { singles: singles, groups: groups };
    },

    _drawSingles: function (context, singles) {
      var colours = this.options.colours;
      var types = this._data.type;
      var byColour = {};
      singles.forEach(function (s) {
        var colour = colours[types[s[2]]] || colours.default;
        (byColour[colour] = byColour[colour] || []).push(s);
      });
      context.lineWidth = 1;
      context.strokeStyle = "#ffffff";
      Object.keys(byColour).forEach(function (colour) {
        context.beginPath();
        byColour[colour].forEach(function (s) {
          context.moveTo(s[0] + RADIUS, s[1]);
          context.arc(s[0], s[1], RADIUS, 0, 2 * Math.PI);
        });
        context.fillStyle = colour;
        context.fill();
        context.stroke();
      });
    },

    _drawGroups: function (context, groups) {
      context.font = "bold 12px sans-serif";
      context.textAlign = "center";
      context.textBaseline = "middle";
      groups.forEach(function (g) {
        var radius = 11 + Math.min(10, Math.log(g[2]) * 2.5);
        context.beginPath();
        context.arc(g[0], g[1], radius, 0, 2 * Math.PI);
        context.fillStyle = "rgba(11, 61, 92, 0.85)";
        context.fill();
        context.fillStyle = "#ffffff";
        context.fillText(String(g[2]), g[0], g[1]);
      });
    },

    _click: function (event) {
      var point = event.containerPoint;
      var near = function (item, reach) {
        var dx = item[0] - point.x, dy = item[1] - point.y;
        return dx * dx + dy * dy <= reach * reach;
      };
      var map = this._map;
      var groups = this._items.groups || [];
      for (var g = 0; g < groups.length; g++) {
        if (near(groups[g], 22)) {
          map.setView(map.containerPointToLatLng([groups[g][0], groups[g][1]]), map.getZoom() + 2);
          return;
        }
      }
      var singles = this._items.singles || [];
      for (var s = singles.length - 1; s >= 0; s--) {
        if (near(singles[s], HIT)) return this._open(singles[s][2]);
      }
    },

    _open: function (index) {
      var data = this._data;
      var latlng = [data.lat[index], data.lon[index]];
      var popup = L.popup().setLatLng(latlng).setContent(element("p", this.options.labels.loading));
      popup.openOn(this._map);
      var show = function (details) { popup.setContent(this._popup(details)); }.bind(this);
      if (data.names) {
        return show({ id: data.ids[index], name: data.names[index], services: data.services[index] });
      }
      fetch(this.options.detailsUrl + data.ids[index], { credentials: "omit" })
        .then(function (response) { return response.json(); })
        .then(function (details) {
          show({ id: details.id, name: details.name, services: details.services.map(function (s) { return s.category; }) });
        });
    },

    _popup: function (details) {
      var labels = this.options.labels;
      var box = element("div", undefined, "cso-popup");
      box.appendChild(element("strong", details.name));
      var names = [];
      details.services.forEach(function (code) {
        var name = labels.services[code] || code;
        if (names.indexOf(name) < 0) names.push(name);
      });
      if (names.length) box.appendChild(element("p", names.join(", ")));
      if (this.options.profileUrl) {
        var link = element("a", labels.open);
        link.href = this.options.profileUrl + details.id;
        link.target = "_top";
        box.appendChild(link);
      }
      return box;
    },
  });

  window.CSOMap = {
    pointsLayer: function (options) { return new PointsLayer(options); },
    controls: controls,
  };
})();
