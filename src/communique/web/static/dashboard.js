// Dashboard charts, drawn with the vendored Chart.js from the JSON the page embeds.
"use strict";
(function () {
  const source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#444";
  Chart.defaults.animation = false; // screenshots and tests see the final chart at once
  const modality = data.modality || "asserted";

  // The events behind a bar: its type, the days its bucket covers (a day, a week or a month), the modality.
  function eventsUrl(params) {
    return "/events?" + new URLSearchParams(Object.assign({ modality: modality }, params));
  }

  const timeline = document.getElementById("timeline-chart");
  if (timeline && data.timeline.buckets.length) {
    // every day (week, month) between the first and last event is a bar, empty ones too: a real time axis
    new Chart(timeline, {
      type: "bar",
      data: {
        labels: data.timeline.days,
        datasets: data.timeline.series.map((s, i) => ({
          label: s.type, data: s.counts, backgroundColor: window.ploverColor(s.type, i), borderWidth: 0,
        })),
      },
      options: {
        responsive: true, maintainAspectRatio: false,
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 12 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } }, tooltip: { mode: "index", intersect: false } },
        onHover: (event, items) => { event.native.target.style.cursor = items.length ? "pointer" : "default"; },
        onClick: (event, items) => {
          if (!items.length) return;
          const bucket = data.timeline.buckets[items[0].index];
          const type = data.timeline.series[items[0].datasetIndex].type;
          window.location.href = eventsUrl({ type: type, since: bucket.since, until: bucket.until });
        },
      },
    });
    timeline.dataset.rendered = "true";
  }

  const dyads = document.getElementById("dyad-chart");
  if (dyads && data.dyads.length) {
    const label = (d) => d.a + " – " + d.b;
    new Chart(dyads, {
      type: "bar",
      data: {
        labels: data.dyads.map(label),
        datasets: [
          { label: "cooperation", data: data.dyads.map((d) => d.cooperation), backgroundColor: "#2e7d32" },
          { label: "conflict", data: data.dyads.map((d) => d.conflict), backgroundColor: "#c62828" },
          { label: "uncoded", data: data.dyads.map((d) => d.events - d.cooperation - d.conflict), backgroundColor: "#b0b0b0" },
        ],
      },
      options: {
        indexAxis: "y", responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true, grid: { display: false } } },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12 } },
          tooltip: { callbacks: { title: (items) => { const d = data.dyads[items[0].dataIndex]; return d.a_name + " – " + d.b_name; } } },
        },
        onClick: (event, items) => {
          if (!items.length) return;
          const d = data.dyads[items[0].index];
          window.location.href = eventsUrl({ actor: d.a, partner: d.b });
        },
      },
    });
    dyads.dataset.rendered = "true";
  }
})();
