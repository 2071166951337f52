// Plenary explorer page: talks to the JSON API of org.plenary.explore.ExplorerServer and redraws
// on every round pushed over server-sent events. No libraries: plain DOM and SVG.
"use strict";

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#393b79", "#637939", "#843c39"];
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

let scenario = null;   // the /api/scenario view
let state = null;      // the latest round's view
let pending = {};      // form edits not yet applied: path -> text
let blocColour = {};
let drawn = false;     // the views were drawn at least once
let drawPending = false;
let stream = null;     // the event stream: open only while the server plays
let highlight = null;  // {body, role}: the delegations holding that role in that body now stand out on the plane

function el(tag, attrs, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    node.setAttribute(key, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function fmt(x, digits = 3) {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : Number(x).toFixed(digits).replace(/\.?0+$/, "");
}

async function call(method, path, body) {
  const response = await fetch(path, {method, headers: {"Content-Type": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body)});
  const data = await response.json().catch(() => ({problems: [{text: "the server sent no JSON (" + response.status + ")"}]}));
  if (!response.ok) {
    throw data.problems || [{text: "error " + response.status}];
  }
  return data;
}

function showProblems(container, problems) {
  container.innerHTML = "";
  for (const problem of problems || []) {
    container.appendChild(el("div", {"class": "problem"}, problem.text || String(problem)));
  }
}

// ----- scenario, form and events -------------------------------------------------------------

function setScenario(view) {
  scenario = view;
  blocColour = {};
  let next = 0;
  for (const d of scenario.delegations) {
    if (!(d.bloc in blocColour)) {
      blocColour[d.bloc] = d.bloc === "" ? "#555555" : PALETTE[next++ % PALETTE.length];
    }
  }
  const picker = $("scenario");
  picker.innerHTML = "";
  for (const s of scenario.scenarios) {
    picker.appendChild(el("option", {value: s.index}, s.label));
  }
  picker.value = scenario.selected;
  $("scenario-name").textContent = scenario.name;
  $("description").textContent = scenario.description;
  fillDimensionSelect($("x-dim"), 0);
  fillDimensionSelect($("y-dim"), Math.min(1, scenario.dimensions.length - 1));
  fillDimensionSelect($("salience-dim"), 0);
  const from = $("disengage-from");
  const keepFrom = from.value;
  from.innerHTML = "";
  for (const forum of scenario.forums) {
    from.appendChild(el("option", {value: "forum:" + forum}, "forum " + forum));
  }
  for (const dim of scenario.dimensions) {
    from.appendChild(el("option", {value: "dimension:" + dim.id}, "dimension " + dim.label));
  }
  if (keepFrom) {
    from.value = keepFrom;
  }
  const chooser = $("delegation");
  const keep = chooser.value;
  chooser.innerHTML = "";
  for (const d of scenario.delegations) {
    chooser.appendChild(el("option", {value: d.id}, d.id + " – " + d.name));
  }
  chooser.value = scenario.delegations.some((d) => d.id === keep) ? keep : largestDelegation();
  pending = {};
  const bodies = scenario.bodies || [];
  $("bodies-view").hidden = bodies.length === 0;
  $("body-row").hidden = bodies.length === 0;
  if (highlight && !bodies.some((b) => b.id === highlight.body)) highlight = null;
  const bodyChoice = $("body-choice");
  const keepBody = bodyChoice.value;
  bodyChoice.innerHTML = "";
  bodies.forEach((b) => bodyChoice.appendChild(el("option", {value: b.id}, b.id + " (" + b.procedure + ")")));
  if (bodies.some((b) => b.id === keepBody)) bodyChoice.value = keepBody;
  const shifting = scenario.forumShifting;
  $("shifting").textContent = shifting ? "forum shifting: " + shifting.model + (shifting.model === "none" ? ""
    : ", cost " + fmt(shifting.cost) + ", delay " + shifting.delay + " rounds, at most " + shifting.maxMoves
      + " move(s) per item") : "";
  renderForm();
  renderEvents();
  const legend = $("legend");
  legend.innerHTML = "";
  for (const [bloc, colour] of Object.entries(blocColour)) {
    const entry = el("span");
    entry.appendChild(el("i", {style: "background:" + colour}));
    entry.appendChild(document.createTextNode(bloc || "no bloc"));
    legend.appendChild(entry);
  }
  showProblems($("general-problems"), scenario.warnings.map((w) => ({text: "warning: " + w})));
}

function largestDelegation() {
  return scenario.delegations.reduce((a, b) => (b.capability > a.capability ? b : a)).id;
}

function fillDimensionSelect(select, index) {
  const keep = select.value;
  select.innerHTML = "";
  scenario.dimensions.forEach((dim) => select.appendChild(el("option", {value: dim.id}, dim.label)));
  select.value = scenario.dimensions.some((d) => d.id === keep) ? keep : scenario.dimensions[index].id;
}

function domainText(field) {
  if (field.kind === "choice") {
    return "";
  }
  if (field.min === null && field.max === null) {
    return "any whole number";
  }
  return fmt(field.min, 6) + " – " + (field.max >= 1e6 ? field.max.toExponential(0) : fmt(field.max, 6));
}

function fieldRow(field) {
  const row = el("div", {"class": "field", "data-path": field.path});
  const id = "f-" + field.path.replace(/[^A-Za-z0-9_-]/g, "_");
  row.appendChild(el("label", {"for": id, title: field.path}, field.label));
  let input;
  if (field.kind === "choice") {
    input = el("select", {id});
    field.choices.forEach((c) => input.appendChild(el("option", {value: c}, c)));
  } else {
    input = el("input", {id, inputmode: "decimal"});
  }
  // Numbers derived by profiles can carry long binary tails (0.6999999999999999): show six decimals.
  // Only values the user changes are sent, so an untouched field keeps its exact value.
  const shown = field.kind === "number" ? String(Number(Number(field.value).toFixed(6))) : String(field.value);
  input.value = field.path in pending ? pending[field.path] : shown;
  input.dataset.original = shown;
  input.addEventListener("input", () => {
    if (input.value === input.dataset.original) {
      delete pending[field.path];
    } else {
      pending[field.path] = input.value;
    }
  });
  row.appendChild(input);
  row.appendChild(el("span", {"class": "domain"}, domainText(field)));
  row.appendChild(el("div", {"class": "error"}));
  return row;
}

function renderForm() {
  const form = $("form");
  form.innerHTML = "";
  let group = null;
  let set = null;
  for (const field of scenario.fields) {
    if (field.group !== group) {
      group = field.group;
      set = el("fieldset");
      set.appendChild(el("legend", {}, group));
      form.appendChild(set);
    }
    set.appendChild(fieldRow(field));
  }
  renderDelegationForm();
}

function renderDelegationForm() {
  const box = $("delegation-form");
  box.innerHTML = "";
  const id = $("delegation").value;
  (scenario.delegationFields[id] || []).forEach((field) => box.appendChild(fieldRow(field)));
  renderWithdraw();
}

// "Withdraw X" is offered only while X has not withdrawn (by hand or by the scenario's own events);
// the delegation list marks those that have.
function renderWithdraw() {
  const id = $("delegation").value;
  const statuses = state ? state.delegations.map((s) => s.status) : [];
  const options = $("delegation").options;
  scenario.delegations.forEach((d, i) => {
    const text = d.id + " – " + d.name + (statuses[i] === "withdrawn" ? " (withdrawn)" : "");
    if (options[i].textContent !== text) options[i].textContent = text;
  });
  const index = scenario.delegations.findIndex((d) => d.id === id);
  const gone = statuses[index] === "withdrawn";
  $("withdraw").textContent = "Withdraw " + id;
  $("withdraw").hidden = gone;
  $("withdrawn").textContent = gone ? id + " has withdrawn" : "";
  // A delegation that has left has nothing to disengage from and no salience that counts: it can only come back.
  $("disengage-row").hidden = gone;
  $("salience-row").hidden = gone;
  $("reengage").textContent = gone ? "Rejoin the assembly (re-engage fully)" : "Re-engage fully";
  renderBodyControls(index);
}

// Withdraw from one body while a member of it now; rejoin one the scenario makes it a member of and it left.
function renderBodyControls(index) {
  if (!scenario.bodies || index < 0) return;
  const b = scenario.bodies.findIndex((body) => body.id === $("body-choice").value);
  const d = scenario.delegations[index];
  const declared = d.membership[scenario.bodies[b].id] || null;
  // Until the round of a scenario just opened arrives, the scenario's own memberships.
  const shown = state && state.delegations[index] && state.delegations[index].roles ? state.delegations[index] : null;
  const now = shown ? shown.roles[b] : declared;
  const gone = shown !== null && shown.status === "withdrawn";
  $("withdraw-body").hidden = gone || !now;
  $("rejoin-body").hidden = gone || !declared || Boolean(now);
  $("body-membership").textContent = now ? d.id + " is " + roleName(scenario.bodies[b], now)
    : declared ? d.id + " has left it (" + declared + " by the scenario)" : d.id + " is not a member";
}

function roleName(body, role) {
  return body.procedure === "iso-iec" ? "a " + role + "-member" : "a " + role;
}

function renderEvents() {
  const list = $("events");
  list.innerHTML = "";
  for (const e of scenario.events) {
    let what = e.type + " " + e.delegation;
    if (e.forum) what += " from forum " + e.forum;
    if (e.dimension && e.type !== "set") what += " from dimension " + e.dimension;
    if (e.type === "set") what = "salience of " + e.delegation + " on " + e.dimension + " = " + e.value;
    if (e.body) what += (e.type === "withdraw" ? " from body " : " in body ") + e.body;
    list.appendChild(el("li", {}, "round " + e.round + ": " + what));
  }
}

async function applySettings() {
  document.querySelectorAll(".field").forEach((row) => {
    row.classList.remove("invalid");
    row.querySelector(".error").textContent = "";
  });
  showProblems($("general-problems"), []);
  try {
    const data = await call("POST", "api/settings", {settings: pending});
    setScenario(data.scenario);
    setState(data.state);
  } catch (problems) {
    const general = [];
    for (const problem of problems) {
      const row = problem.path && document.querySelector('.field[data-path="' + CSS.escape(problem.path) + '"]');
      if (row) {
        row.classList.add("invalid");
        row.querySelector(".error").textContent = problem.text;
      } else {
        general.push(problem);
      }
    }
    showProblems($("general-problems"), general);
  }
}

async function trigger(body) {
  showProblems($("event-problems"), []);
  try {
    const data = await call("POST", "api/event", Object.assign({delegation: $("delegation").value}, body));
    setScenario(data.scenario);
    setState(data.state);
  } catch (problems) {
    showProblems($("event-problems"), problems);
  }
}

// ----- views ----------------------------------------------------------------------------------

function setState(view) {
  state = view;
  $("round").textContent = "Round " + view.round + " / " + view.rounds + (view.finished ? " (end)" : "");
  $("play").disabled = view.playing || view.finished;
  $("pause").disabled = !view.playing;
  $("step").disabled = view.finished;
  renderWithdraw();
  followPlay(view);
  if (!drawn) {
    // The first views at once, not at the next frame: the first paint shows them.
    drawn = true;
    drawViews();
  } else if (!drawPending) {
    // Rounds can arrive faster than a busy machine draws them: draw only the latest, once per frame.
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      drawViews();
    });
  }
}

function drawViews() {
  drawPlane();
  drawDrafts();
  drawFlow();
  drawBodies();
}

// The scenario (when it changed: redrawing the form drops edits not yet applied) and the round shown.
function showViews(views) {
  if (!scenario || JSON.stringify(views.scenario) !== JSON.stringify(scenario)) {
    setScenario(views.scenario);
  }
  setState(views.state);
}

// Rounds are pushed over the event stream only while the server plays. An idle page holds no
// connection open, so a browser waiting for the network to go quiet (a headless screenshot) can finish;
// it asks for the views again when it is shown again, in case another page changed them meanwhile.
function followPlay(view) {
  if (view.playing && !stream) {
    stream = new EventSource("api/stream");
    stream.addEventListener("state", (e) => setState(JSON.parse(e.data)));
    stream.addEventListener("scenario", (e) => showViews(JSON.parse(e.data)));
    stream.addEventListener("failure", (e) => showProblems($("general-problems"), [{text: JSON.parse(e.data).message}]));
    stream.onopen = () => { $("connection").textContent = "live"; };
    stream.onerror = () => { $("connection").textContent = "reconnecting…"; };
  } else if (!view.playing && stream) {
    stream.close();
    stream = null;
    $("connection").textContent = "";
  }
}

async function fetchViews() {
  return {scenario: await call("GET", "api/scenario"), state: await call("GET", "api/state")};
}

function hull(points) {
  // Andrew's monotone chain: the convex hull, counter-clockwise.
  const p = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper = [];
  for (const q of p.slice().reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

function drawPlane() {
  const svg = $("plane");
  svg.innerHTML = "";
  if (!scenario || !state) return;
  const dims = scenario.dimensions;
  const kx = dims.findIndex((d) => d.id === $("x-dim").value);
  const ky = dims.findIndex((d) => d.id === $("y-dim").value);
  const left = 46, top = 10, size = 420;
  const X = (v) => left + v * size;
  const Y = (v) => top + (1 - v) * size;
  svg.appendChild(el("svg:rect", {x: left, y: top, width: size, height: size, fill: "#fff", stroke: "#999"}));
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    svg.appendChild(el("svg:line", {x1: X(t), x2: X(t), y1: top, y2: top + size, stroke: "#eee"}));
    svg.appendChild(el("svg:line", {x1: left, x2: left + size, y1: Y(t), y2: Y(t), stroke: "#eee"}));
    svg.appendChild(el("svg:text", {x: X(t), y: top + size + 13, "text-anchor": "middle"}, String(t)));
    svg.appendChild(el("svg:text", {x: left - 4, y: Y(t) + 4, "text-anchor": "end"}, String(t)));
  }
  svg.appendChild(el("svg:text", {x: left, y: top + size + 28}, "← " + dims[kx].low));
  svg.appendChild(el("svg:text", {x: left + size, y: top + size + 28, "text-anchor": "end"}, dims[kx].high + " →"));
  svg.appendChild(el("svg:text", {x: 12, y: top + size, transform: "rotate(-90 12 " + (top + size) + ")"},
    "← " + dims[ky].low));
  svg.appendChild(el("svg:text", {x: 12, y: top, transform: "rotate(-90 12 " + top + ")", "text-anchor": "end"},
    dims[ky].high + " →"));
  // Drafts' positions on these two dimensions, as small squares.
  const maxCap = Math.max(...scenario.delegations.map((d) => d.capability), 1e-9);
  const radius = (d) => 3 + 11 * Math.sqrt(d.capability / maxCap);
  state.coalitions.forEach((c, index) => {
    const points = c.members.map((i) => [X(state.delegations[i].position[kx]), Y(state.delegations[i].position[ky])]);
    const shape = hull(points);
    const colour = blocColour[c.bloc] || "#555";
    const path = el("svg:path", {d: "M" + shape.map((q) => q.join(",")).join("L") + "Z", fill: colour,
      "fill-opacity": 0.08, stroke: colour, "stroke-opacity": 0.55, "stroke-width": 26, "stroke-linejoin": "round",
      "class": "coalition"});
    path.appendChild(el("svg:title", {}, "coalition " + (index + 1) + ": " + c.members.length + " delegations, "
      + fmt(100 * c.share, 1) + "% of capability"));
    svg.appendChild(path);
  });
  const order = scenario.delegations.map((d, i) => i).sort((a, b) =>
    scenario.delegations[b].capability - scenario.delegations[a].capability);
  const labelled = new Set(order.slice(0, scenario.delegations.length <= 40 ? 40 : 15));
  const circles = [];
  const labels = [];
  for (const i of order) {
    const d = scenario.delegations[i];
    const s = state.delegations[i];
    const cx = X(s.position[kx]), cy = Y(s.position[ky]);
    const withdrawn = s.status === "withdrawn";
    const faded = highlight !== null && s.roles[highlight.index] !== highlight.role;
    const circle = el("svg:circle", {cx, cy, r: radius(d), "data-id": d.id,
      "class": "delegation " + s.status + (highlight && !faded ? " highlighted" : ""),
      fill: withdrawn ? "#d0d0d0" : blocColour[d.bloc], "fill-opacity": faded ? 0.12 : withdrawn ? 0.8 : 0.75,
      stroke: withdrawn ? "#999" : "#333", "stroke-width": d.id === $("delegation").value ? 2.5 : 0.8,
      "stroke-dasharray": s.status === "disengaged" ? "3,2" : "none"});
    const roles = scenario.bodies ? "; " + scenario.bodies.map((b, k) => b.id + ": " + (s.roles[k] || "not a member"))
      .join(", ") : "";
    circle.appendChild(el("svg:title", {}, d.id + " " + d.name + " (" + (d.groups.join(", ") || "no bloc")
      + "), capability " + fmt(d.capability) + ", " + s.status + roles));
    circle.addEventListener("click", () => {
      $("delegation").value = d.id;
      renderDelegationForm();
      drawPlane();
    });
    svg.appendChild(circle);
    circles.push({x: cx, y: cy, r: radius(d)});
    if (labelled.has(i) && !faded) {
      labels.push({circle: circles[circles.length - 1], text: d.id + (withdrawn ? " (withdrawn)" : ""),
        colour: withdrawn ? "#999" : "#222"});
    }
  }
  placeLabels(svg, labels, circles, {left, top: 0, right: Number(svg.getAttribute("width")), bottom: top + size});
}

// Labels go on top of every circle, largest delegation first, each at the first place around its circle
// that overlaps no label already placed and no other circle: next to it, else a little further out with a
// leader line; failing both, next to it over other circles. A label without any such place is left out
// (in a dense cluster): its circle's tooltip still names the delegation.
function placeLabels(svg, labels, circles, bounds) {
  const placed = [];
  const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const inside = (box) => box.x >= bounds.left && box.y >= bounds.top && box.x + box.width <= bounds.right
    && box.y + box.height <= bounds.bottom;
  const hidesCircle = (box, own) => circles.some((c) => c !== own
    && overlap(box, {x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r}));
  for (const label of labels) {
    const text = el("svg:text", {x: 0, y: 0, fill: label.colour, "class": "label"}, label.text);
    svg.appendChild(text);
    const ink = text.getBBox(); // at (0, 0): ink.y is minus the ascent
    const c = label.circle, w = ink.width, h = ink.height;
    // Boxes at a distance from the circle's edge: right, left, above, below, then the four diagonals.
    const around = (gap) => {
      const r = c.r + gap, d = r * Math.SQRT1_2;
      return [[c.x + r, c.y - h / 2], [c.x - r - w, c.y - h / 2], [c.x - w / 2, c.y - r - h], [c.x - w / 2, c.y + r],
        [c.x + d, c.y - d - h], [c.x + d, c.y + d], [c.x - d - w, c.y - d - h], [c.x - d - w, c.y + d]]
        .map(([x, y]) => ({x, y, width: w, height: h}))
        .filter((box) => inside(box) && !placed.some((other) => overlap(box, other)));
    };
    const near = around(2), far = around(16);
    const box = near.find((b) => !hidesCircle(b, c)) || far.find((b) => !hidesCircle(b, c)) || near[0];
    if (!box) {
      text.remove();
      continue;
    }
    if (!near.includes(box)) {
      // From the circle's edge toward the label's nearest point.
      const tx = Math.min(Math.max(c.x, box.x), box.x + w), ty = Math.min(Math.max(c.y, box.y), box.y + h);
      const length = Math.hypot(tx - c.x, ty - c.y);
      svg.insertBefore(el("svg:line", {x1: c.x + (tx - c.x) * c.r / length, y1: c.y + (ty - c.y) * c.r / length,
        x2: tx, y2: ty, stroke: "#777", "stroke-width": 0.7, "class": "leader"}), text);
    }
    text.setAttribute("x", box.x - ink.x);
    text.setAttribute("y", box.y - ink.y);
    placed.push(box);
  }
}

function drawDrafts() {
  const box = $("drafts");
  box.innerHTML = "";
  if (!scenario || !state) return;
  scenario.items.forEach((item, m) => {
    const s = state.items[m];
    const card = el("div", {"class": "item", "data-item": item.id});
    const head = el("div");
    head.appendChild(el("span", {"class": "title"}, item.title + " "));
    head.appendChild(el("span", {"class": "state " + s.state}, s.state + (s.decidedRound ? " in round " + s.decidedRound : "")));
    head.appendChild(el("span", {"class": "muted small"}, "  " + item.forum + ", deadline " + item.deadline));
    card.appendChild(head);
    if (s.body) {
      const body = scenario.bodies.find((b) => b.id === s.body);
      const where = el("div", {"class": "small item-body"});
      where.appendChild(el("span", {"class": "body"}, "in " + s.body + " (" + body.procedure + ")"));
      state.moves.filter((move) => move.item === item.id).forEach((move) => where.appendChild(el("span",
        {"class": "move"}, " · moved from " + move.from + " to " + move.to + " by " + move.by + " in round " + move.round)));
      card.appendChild(where);
    }
    const rule = ruleText(s, s.body ? scenario.bodies.find((b) => b.id === s.body) : null);
    if (rule) card.appendChild(el("div", {"class": "small rule"}, rule));
    const rows = item.weights.filter((w) => w > 0).length;
    const svg = el("svg:svg", {width: 480, height: 40 * rows});
    let row = 0;
    scenario.dimensions.forEach((dim, k) => {
      if (item.weights[k] <= 0) return;
      const y = 18 + 40 * row++;
      const X = (v) => 130 + v * 330;
      svg.appendChild(el("svg:text", {x: 0, y: y + 4}, dim.label));
      svg.appendChild(el("svg:line", {x1: X(0), x2: X(1), y1: y, y2: y, stroke: "#ccc", "stroke-width": 4}));
      const q = item.statusQuo[k];
      svg.appendChild(el("svg:path", {d: "M" + X(q) + "," + (y - 7) + "l6,7l-6,7l-6,-7z", fill: "#777",
        "class": "status-quo"}));
      svg.appendChild(el("svg:text", {x: X(q), y: y + 17, "text-anchor": "middle", fill: "#666"},
        "status quo " + fmt(q, 2)));
      svg.appendChild(el("svg:circle", {cx: X(s.draft[k]), cy: y, r: 6, fill: "#1565c0", "class": "draft"}));
      svg.appendChild(el("svg:text", {x: X(s.draft[k]), y: y - 9, "text-anchor": "middle", fill: "#1565c0"},
        "draft " + fmt(s.draft[k], 3)));
    });
    card.appendChild(svg);
    card.appendChild(el("div", {"class": s.objectors.length ? "objectors" : "objectors none"}, s.objectors.length
      ? "objecting: " + s.objectors.join(", ") + " (" + fmt(100 * s.objectingShare, 1) + "% of capability)"
      : "no sustained objection"));
    box.appendChild(card);
  });
}

function percent(part, whole) {
  return part + "/" + whole + " = " + fmt(100 * part / whole, 1) + "%";
}

// What an item's outcome turns on under its body's own rule (docs/ODD.md 7.7, 7.13); nothing before a
// vote in an assembly without bodies, whose objectors line says it all.
function ruleText(s, body) {
  const r = s.rule;
  if (r.arrived !== undefined) {
    return "moved here in round " + r.arrived + ": " + r.procedure + " starts again from its first stage";
  }
  switch (r.procedure) {
    case "itu-plenary":
      return r.yes === undefined ? null : "vote: " + r.yes + " yes, " + r.no + " no, " + r.abstain + " abstain (majority "
        + fmt(100 * r.majority, 1) + "% of yes + no); " + r.present + " present of " + r.accredited
        + " accredited, quorum " + r.quorum + (r.present < r.quorum ? ": no quorum" : "");
    case "iso-iec":
      return r.pYes === undefined ? "committee stage: to the ballot once no objection is sustained"
        : "ballot: P-members in favour " + (r.pInFavour === null ? "none voted" : percent(r.pYes, r.pYes + r.pNo))
          + " (needs at least 2/3); negative " + (r.negative === null ? "none voted" : percent(r.no, r.yes + r.no))
          + " of all votes cast (at most 1/4); abstentions excluded";
    case "ietf":
      return "rough consensus: " + r.objectors + " of " + r.participants + " participants object"
        + (r.participants ? " (" + fmt(100 * r.objectors / r.participants, 1) + "%)" : "") + "; in the rough up to "
        + fmt(100 * r.rough, 1) + "%, no vote";
    case "3gpp":
      return r.yes === undefined ? "consensus, else at the deadline a vote of the Individual Members"
        : "vote of the Individual Members: " + r.yes + " yes, " + r.no + " no"
          + (r.yes + r.no ? ", " + percent(r.yes, r.yes + r.no) : "") + " (needs " + fmt(100 * r.majority, 1) + "%)";
    case "itu-t-aap":
      if (r.approval === "tap") {
        return r.meeting ? "TAP consultation of the Member States: the text is frozen until the meeting in round "
          + r.meeting + "; it needs 70% of their replies in support, then no Member State opposing"
          : "TAP: determination at the study group, then a consultation of the Member States of " + body.lastCall
            + " round(s) and an unopposed meeting";
      }
      return r.lastCallEnds ? "last call: the text is frozen until round " + r.lastCallEnds + "; a comment reopens it"
        : "consent at the study group, then a last call of " + body.lastCall + " round(s)";
    default:
      return null;
  }
}

function drawBodies() {
  if (!scenario || !state || !scenario.bodies) return;
  const table = $("bodies");
  table.innerHTML = "";
  const head = el("tr");
  ["body", "procedure", "members now", "items now"].forEach((h) => head.appendChild(el("th", {}, h)));
  table.appendChild(head);
  scenario.bodies.forEach((body, b) => {
    const row = el("tr", {"data-body": body.id});
    row.appendChild(el("td", {}, body.id));
    row.appendChild(el("td", {}, body.procedure));
    const members = el("td", {"class": "roles"});
    for (const role of body.roles) {
      const count = state.delegations.filter((d) => d.roles[b] === role).length;
      if (!count) continue;
      const on = highlight && highlight.body === body.id && highlight.role === role;
      const chip = el("button", {"class": "role" + (on ? " on" : ""), "data-body": body.id, "data-role": role,
        title: "highlight the " + role + (body.procedure === "iso-iec" ? "-members" : "s") + " of " + body.id},
        role + " " + count);
      chip.onclick = () => {
        highlight = on ? null : {body: body.id, index: b, role};
        drawPlane();
        drawBodies();
      };
      members.appendChild(chip);
    }
    row.appendChild(members);
    row.appendChild(el("td", {}, String(state.items.filter((item) => item.body === body.id).length)));
    table.appendChild(row);
  });
  const note = $("highlight-note");
  if (highlight) {
    const ids = scenario.delegations.filter((d, i) => state.delegations[i].roles[highlight.index] === highlight.role)
      .map((d) => d.id);
    note.textContent = "highlighted: " + ids.length + " " + highlight.role + " of " + highlight.body + ": " + ids.join(", ");
  } else {
    note.textContent = "";
  }
  const moves = $("moves");
  moves.innerHTML = "";
  for (const move of state.moves) {
    moves.appendChild(el("li", {}, "round " + move.round + ": " + move.item + " from " + move.from + " to " + move.to
      + " by " + move.by));
  }
  if (!state.moves.length) moves.appendChild(el("li", {"class": "muted"}, "none so far"));
}

function drawFlow() {
  const svg = $("flow");
  svg.innerHTML = "";
  if (!scenario || !state) return;
  const left = 40, top = 8, width = 460, height = 150;
  const rounds = Math.max(1, state.rounds);
  const w = width / (rounds + 1);
  svg.appendChild(el("svg:rect", {x: left, y: top, width, height, fill: "#fff", stroke: "#999"}));
  for (const t of [0, 0.5, 1]) {
    svg.appendChild(el("svg:text", {x: left - 4, y: top + (1 - t) * height + 4, "text-anchor": "end"}, String(t)));
  }
  state.flow.forEach((coalitions, t) => {
    let y = top + height;
    coalitions.slice().sort((a, b) => b.share - a.share).forEach((c) => {
      const h = c.share * height;
      y -= h;
      const bar = el("svg:rect", {x: left + t * w, y, width: Math.max(1, w - 0.5), height: h,
        fill: blocColour[c.bloc] || "#555", stroke: "#fff", "stroke-width": 0.5});
      bar.appendChild(el("svg:title", {}, "round " + t + ": " + c.size + " delegations led by " + (c.bloc || "no bloc")
        + ", " + fmt(100 * c.share, 1) + "%"));
      svg.appendChild(bar);
    });
  });
  svg.appendChild(el("svg:text", {x: left, y: top + height + 16}, "round 0"));
  svg.appendChild(el("svg:text", {x: left + width, y: top + height + 16, "text-anchor": "end"}, "round " + rounds));
  svg.appendChild(el("svg:text", {x: left + width / 2, y: top + height + 16, "text-anchor": "middle"},
    state.coalitions.length + " coalition(s) in round " + state.round));
}

// ----- replications and export ----------------------------------------------------------------

async function runReplications() {
  showProblems($("replications-problems"), []);
  $("replications-status").textContent = "running…";
  $("summary").innerHTML = "";
  try {
    const summary = await call("POST", "api/replications", {replications: $("replications-n").value.trim()});
    $("replications-status").textContent = summary.replications + " replications";
    renderSummary(summary);
  } catch (problems) {
    $("replications-status").textContent = "";
    showProblems($("replications-problems"), problems);
  }
}

function renderSummary(summary) {
  const items = Object.entries(summary.items);
  const states = items.length ? Object.keys(items[0][1].states) : [];
  const table = el("table", {id: "summary-table"});
  const head = el("tr");
  ["item"].concat(states, ["decided in round", "text in force", "adopted text"])
    .forEach((h) => head.appendChild(el("th", {}, h)));
  table.appendChild(head);
  const text = (values) => Object.entries(values || {}).map(([k, v]) => k + " " + fmt(v.mean, 3)).join(", ");
  for (const [id, item] of items) {
    const row = el("tr", {"data-item": id});
    row.appendChild(el("td", {}, id));
    states.forEach((s) => row.appendChild(el("td", {}, fmt(100 * item.states[s].share, 1) + "%")));
    row.appendChild(el("td", {}, fmt(item.decision_round.mean, 1)));
    row.appendChild(el("td", {}, text(item.text_in_force)));
    row.appendChild(el("td", {}, text(item.adopted_text)));
    table.appendChild(row);
  }
  $("summary").appendChild(table);
  const end = summary.final_round;
  $("summary").appendChild(el("p", {"class": "small"}, "Final round: " + fmt(end.coalitions.mean, 2) + " coalitions,"
    + " largest holds " + fmt(100 * end.largest_coalition_capability_share.mean, 1) + "% of capability,"
    + " polarisation " + fmt(end.polarisation.mean, 3) + " (means over replications)."));
}

async function exportYaml() {
  const response = await fetch("api/export");
  $("export-yaml").value = await response.text();
}

// ----- wiring ---------------------------------------------------------------------------------

function start() {
  // The server writes the first views into the page: drawn before the first paint.
  showViews(JSON.parse($("initial-views").textContent));
  const act = (path, body) => call("POST", path, body).then(setState)
    .catch((problems) => showProblems($("general-problems"), problems));
  $("play").onclick = () => act("api/play", {speed: Number($("speed").value)});
  $("pause").onclick = () => act("api/pause");
  $("step").onclick = () => act("api/step");
  $("reset").onclick = () => act("api/reset");
  $("speed").oninput = () => {
    $("speed-label").textContent = $("speed").value;
    if (state && state.playing) act("api/play", {speed: Number($("speed").value)});
  };
  $("scenario").onchange = async () => {
    try {
      const data = await call("POST", "api/open", {index: Number($("scenario").value)});
      setScenario(data.scenario);
      setState(data.state);
    } catch (problems) {
      $("scenario").value = scenario.selected;
      showProblems($("general-problems"), problems);
    }
  };
  $("delegation").onchange = () => { renderDelegationForm(); drawPlane(); };
  $("x-dim").onchange = drawPlane;
  $("y-dim").onchange = drawPlane;
  $("apply").onclick = applySettings;
  $("withdraw").onclick = () => trigger({type: "withdraw"});
  $("reengage").onclick = () => trigger({type: "reengage"});
  $("disengage").onclick = () => {
    const [kind, id] = $("disengage-from").value.split(":");
    trigger(kind === "forum" ? {type: "disengage", forum: id} : {type: "disengage", dimension: id});
  };
  $("set-salience").onclick = () => trigger({type: "salience", dimension: $("salience-dim").value,
    value: $("salience-value").value.trim()});
  $("body-choice").onchange = renderWithdraw;
  $("withdraw-body").onclick = () => trigger({type: "withdraw", body: $("body-choice").value});
  $("rejoin-body").onclick = () => trigger({type: "reengage", body: $("body-choice").value});
  $("run-replications").onclick = runReplications;
  $("export").onclick = exportYaml;
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && !stream) {
      fetchViews().then(showViews).catch((problems) => showProblems($("general-problems"), problems));
    }
  });
}

start();
