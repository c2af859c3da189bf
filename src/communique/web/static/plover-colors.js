// Colours for PLOVER types: cooperation in greens and blues, requests in amber, conflict in reds.
"use strict";
window.PLOVER_COLORS = {
  AGREE: "#2e7d32", CONSULT: "#4a90d9", SUPPORT: "#66bb6a", CONCEDE: "#26a69a",
  COOPERATE: "#1565c0", AID: "#00897b", RETREAT: "#7cb342", REQUEST: "#f2b134",
  ACCUSE: "#ef8a62", REJECT: "#e4572e", THREATEN: "#d7301f", PROTEST: "#f4a261",
  SANCTION: "#b2182b", MOBILIZE: "#8c510a", COERCE: "#a50f15", ASSAULT: "#67000d",
};
window.ploverColor = function (type, i) {
  const spare = ["#8e7cc3", "#76a5af", "#c27ba0", "#999999"];
  return window.PLOVER_COLORS[type] || spare[i % spare.length];
};
