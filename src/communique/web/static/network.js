// Actor network drawn as SVG: a small force layout (no library), nodes and edges are links.
"use strict";
(function () {
  const svg = document.getElementById("network");
  const source = document.getElementById("network-data");
  if (!svg || !source) return;
  const data = JSON.parse(source.textContent);
  const NS = "http://www.w3.org/2000/svg";
  const W = 1000, H = 640;
  const nodes = data.nodes.map((n, i) => {
    // deterministic start on a circle: the same data always gives the same picture
    const angle = (2 * Math.PI * i) / data.nodes.length;
    return Object.assign({}, n, { x: W / 2 + 250 * Math.cos(angle), y: H / 2 + 220 * Math.sin(angle) });
  });
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const edges = data.edges.filter((e) => byCode.has(e.a) && byCode.has(e.b));
  const weight = (e) => (e.kind === "events" ? e.events : e.articles) || 1;
  const size = (n) => n.events || n.mentions || 1;
  const maxSize = Math.max(1, ...nodes.map(size));
  const maxWeight = Math.max(1, ...edges.map(weight));
  const radius = (n) => 10 + 22 * Math.sqrt(size(n) / maxSize);

  // Fruchterman-Reingold, cooled over a fixed number of steps
  const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.55;
  for (let step = 0, t = 60; step < 300; step++, t *= 0.985) {
    nodes.forEach((n) => { n.dx = 0; n.dy = 0; });
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / d;
        dx /= d; dy /= d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    edges.forEach((e) => {
      const a = byCode.get(e.a), b = byCode.get(e.b);
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = ((d * d) / k) * (0.5 + 0.5 * weight(e) / maxWeight);
      dx /= d; dy /= d;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    });
    nodes.forEach((n) => {
      n.dx += (W / 2 - n.x) * 0.02; n.dy += (H / 2 - n.y) * 0.02; // gravity keeps islands on screen
      const d = Math.max(Math.hypot(n.dx, n.dy), 0.01);
      n.x += (n.dx / d) * Math.min(d, t); n.y += (n.dy / d) * Math.min(d, t);
      const r = radius(n) + 4;
      n.x = Math.min(W - r - 40, Math.max(r + 40, n.x)); n.y = Math.min(H - r - 14, Math.max(r + 4, n.y));
    });
  }

  // green (all cooperation) through amber to red (all conflict); grey when nothing is coded
  function colour(e) {
    const coded = e.cooperation + e.conflict;
    if (e.kind !== "events" || !coded) return "#b8b8b8";
    return "hsl(" + Math.round((120 * e.cooperation) / coded) + ", 65%, 40%)";
  }
  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    Object.entries(attrs).forEach(([key, value]) => node.setAttribute(key, value));
    if (parent) parent.appendChild(node);
    return node;
  }
  const edgeLayer = el("g", { class: "edges" }, svg);
  const nodeLayer = el("g", { class: "nodes" }, svg);
  edges.forEach((e) => {
    const a = byCode.get(e.a), b = byCode.get(e.b);
    const href = e.kind === "events" ? "/events?" + new URLSearchParams({ actor: e.a, partner: e.b }) : "/actors/" + encodeURIComponent(e.a);
    const link = el("a", { href: href, class: "edge", "data-pair": e.a + "-" + e.b }, edgeLayer);
    el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour(e), "stroke-width": 1.5 + 8 * (weight(e) / maxWeight) }, link);
    const title = el("title", {}, link);
    title.textContent = e.a_name + " – " + e.b_name + ": " + (e.kind === "events"
      ? e.events + " events (" + e.cooperation + " cooperation, " + e.conflict + " conflict)"
      : e.articles + " articles mention both");
  });
  nodes.forEach((n) => {
    const link = el("a", { href: "/actors/" + encodeURIComponent(n.code), class: "node", "data-actor": n.code }, nodeLayer);
    const coded = n.cooperation + n.conflict;
    const fill = coded ? "hsl(" + Math.round((120 * n.cooperation) / coded) + ", 45%, 92%)" : "#eef2f6";
    el("circle", { cx: n.x, cy: n.y, r: radius(n), fill: fill }, link);
    const label = el("text", { x: n.x, y: n.y + 4, "text-anchor": "middle" }, link);
    label.textContent = n.code;
    const title = el("title", {}, link);
    title.textContent = n.label + ": " + (n.events ? n.events + " events" : "") + (n.mentions ? " " + n.mentions + " mentions" : "");
  });
  svg.dataset.rendered = "true";
})();
