/**
 * <x-matrix> — a hoshin kanri "X-matrix" board (Lean Enterprise Institute layout).
 *
 * Plain ES module: Custom Elements + Shadow DOM + one SVG. No dependencies, no build.
 *
 * API
 *   property  model          { title, readOnly, sides:{south,west,north,east,owners},
 *                              correlations:[{corner,a,b,strength}], focus:{corner,a,b}|null }
 *   method    focusCell(corner, a, b) -> boolean
 *   events    cell-click {corner,a,b}   (not in readOnly)
 *             item-click {side,id}      (also in readOnly)
 *             item-add   {side}         (not in readOnly)
 *   All events bubble and are composed.
 *
 * Layout (columns, left to right): west items | centre | east items | gap | owners
 *         (rows, top to bottom):    north items | centre | south items
 * Items are numbered outwards from the centre (P1/A1/M1/B1 touch the X).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Geometry constants (SVG user units; the viewBox scales them to the element width). */
const C = 22;            // corner-grid cell size
const BAND = 26;         // outer band holding side "+ Add" buttons
const TITLE_H = 30;      // title band height
const LEGEND_H = 30;     // legend band height
const GAP = 28;          // gap column between the east items and the owners
const CHAR_W = 6.1;      // average glyph width at 11px, used for ellipsis by character count

const SYMBOL = { STRONG: '●', MEDIUM: '○', WEAK: '△' };
const WORD = { STRONG: 'strong', MEDIUM: 'important', WEAK: 'weak' };
const OWNER_WORD = { STRONG: 'leads', MEDIUM: 'contributes', WEAK: 'weak' };

const SIDE_NAMES = {
  north: 'improvement priority',
  west: 'annual objective',
  east: 'metric / target',
  south: 'breakthrough objective',
  owners: 'owner / resource',
};

const STYLE = `
  :host {
    display: block;
    width: 100%;
    font-family: var(--lumo-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    color: var(--lumo-body-text-color, #1a2533);
    --_xm-line: var(--lumo-contrast-20pct, rgba(26, 57, 96, 0.2));
    --_xm-line-strong: var(--lumo-contrast-50pct, rgba(26, 57, 96, 0.5));
    --_xm-text: var(--lumo-body-text-color, #1a2533);
    --_xm-muted: var(--lumo-secondary-text-color, #5a6775);
    --_xm-primary: var(--lumo-primary-color, #1676f3);
    --_xm-primary-text: var(--lumo-primary-text-color, #0d5fd0);
    --_xm-tint: var(--lumo-primary-color-10pct, rgba(22, 118, 243, 0.1));
    --_xm-base: var(--lumo-base-color, #fff);
    --_xm-zebra: var(--lumo-contrast-5pct, rgba(26, 57, 96, 0.05));
    --_xm-warning: var(--lumo-warning-text-color, var(--lumo-warning-color, #b36b00));
  }
  :host([hidden]) { display: none; }
  :host { overflow-x: auto; }
  svg { display: block; width: 100%; height: auto; user-select: none; }
  text { fill: var(--_xm-text); font-size: 11px; }
  .title { font-size: 16px; font-weight: 600; }
  .frame { fill: none; stroke: var(--_xm-line-strong); stroke-width: 1; }
  .tri { stroke: var(--_xm-line-strong); stroke-width: 1; }
  .tri.n, .tri.s { fill: var(--_xm-zebra); }
  .tri.w, .tri.e { fill: var(--_xm-base); }
  .tri-label { font-size: 13px; font-weight: 600; fill: var(--_xm-muted); }
  .item > rect { fill: var(--_xm-base); stroke: var(--_xm-line); }
  .item { cursor: pointer; }
  .item:focus { outline: none; }
  .item:focus > rect { stroke: var(--_xm-primary); stroke-width: 2.5; }
  .item:hover > rect, .item.hl > rect { fill: var(--_xm-tint); }
  .item.inherited > rect { fill: var(--lumo-contrast-10pct, rgba(26, 57, 96, 0.1)); }
  .item.inherited text { font-style: italic; }
  .item.inherited.hl > rect, .item.inherited:hover > rect { fill: var(--_xm-tint); }
  .code { font-weight: 700; fill: var(--_xm-primary-text); }
  .detail { fill: var(--_xm-muted); }
  .a3-marker circle { stroke: #fff; stroke-width: 1; }
  .a3-marker.on-track circle { fill: #007f3b; }
  .a3-marker.at-risk circle { fill: #ffb81c; }
  .a3-marker.off-track circle { fill: #d5281b; }
  .warn { fill: var(--_xm-warning); font-size: 12px; }
  .empty > rect { fill: none; stroke: var(--_xm-line); stroke-dasharray: 3 3; }
  .empty text { fill: var(--_xm-muted); font-style: italic; }
  .cell > rect { fill: var(--_xm-base); stroke: var(--_xm-line); }
  .cell.alt > rect { fill: var(--_xm-zebra); }
  .cell text { font-size: 14px; fill: var(--_xm-primary-text); pointer-events: none; }
  .cell:focus { outline: none; }
  :host(:not([readonly])) .cell { cursor: pointer; }
  :host(:not([readonly])) .cell:hover > rect { fill: var(--_xm-tint); }
  .focus-ring { fill: none; stroke: var(--_xm-primary); stroke-width: 2.5; pointer-events: none; }
  .add { cursor: pointer; }
  .add text { fill: var(--_xm-primary-text); font-weight: 600; }
  .add > rect { fill: transparent; stroke: none; rx: 4; }
  .add:hover > rect, .add:focus > rect { fill: var(--_xm-tint); }
  .add:focus { outline: none; }
  .add:focus > rect { stroke: var(--_xm-primary); stroke-width: 1.5; }
  .side-title { fill: var(--_xm-muted); font-size: 10px; font-weight: 600; letter-spacing: .04em; }
  .legend text { fill: var(--_xm-muted); font-size: 12px; }
  .legend .sym { fill: var(--_xm-primary-text); font-size: 14px; }
  /* On a phone: the same plan as a readable list (sides, items, links) instead of the drawing. */
  .list { display: none; font-size: var(--lumo-font-size-s, 14px); }
  .list h3 { font-size: 1.05em; margin: .4em 0; }
  .list h4 { font-size: .95em; margin: .8em 0 .2em; color: var(--_xm-muted); }
  .list ul { list-style: none; margin: 0; padding: 0; }
  .list li { padding: .3em 0; border-bottom: 1px solid var(--_xm-line); overflow-wrap: anywhere; }
  .list button.item {
    font: inherit; color: var(--_xm-text); background: none; border: none; padding: .2em 0; min-height: 24px;
    text-align: left; cursor: pointer;
  }
  .list button.item:focus-visible { outline: 2px solid var(--_xm-primary); outline-offset: 2px; }
  .list .code { color: var(--_xm-primary-text); }
  .list .detail, .list .links { display: block; color: var(--_xm-muted); }
  .list .warn-text { display: block; color: var(--_xm-warning); }
  @media screen and (max-width: 700px) {
    :host { overflow-x: visible; }
    svg { display: none; }
    .list { display: block; }
  }
  @media print {
    .list { display: none !important; }
    :host { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    :host { overflow: visible; }
    /* Fit one A3 landscape sheet (8 mm margins, 281 mm high); the viewBox keeps the aspect ratio. */
    svg { min-width: 0 !important; max-height: 262mm; }
    .add, .focus-ring { display: none; }
  }
`;

/** Create an SVG element with attributes and append it to parent (if given). */
function el(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
    }
  }
  if (parent) parent.appendChild(node);
  return node;
}

/** Append a <title> (native SVG tooltip) to node. */
function tooltip(node, text) {
  if (text) el('title', null, node).textContent = text;
}

/** Truncate to max characters with an ellipsis. */
function clip(text, max) {
  const s = String(text ?? '');
  if (max <= 1) return s ? '…' : '';
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}

const cellKey = (corner, a, b) => `${corner}|${a}|${b}`;

class XMatrix extends HTMLElement {
  constructor() {
    super();
    this._model = null;
    this._cells = new Map();       // key -> {el, corner, a, b, x, y, items:[itemEl, itemEl]}
    this._activeKey = null;        // roving tabindex owner
    this._svg = null;
    this._ring = null;
    this._hl = null;               // item labels highlighted for the hovered/focused cell
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.appendChild(style);
    this._host = document.createElement('div');
    root.appendChild(this._host);

    // Delegated listeners (no inline handler strings).
    root.addEventListener('click', (e) => this._onClick(e));
    root.addEventListener('keydown', (e) => this._onKeyDown(e));
    root.addEventListener('focusin', (e) => this._onFocusIn(e));
    root.addEventListener('focusout', () => this._onFocusOut());
    root.addEventListener('mouseover', (e) => this._onHover(e));
    this.addEventListener('mouseleave', () => this._highlight(null));
  }

  connectedCallback() {
    // A model assigned before the element was upgraded shadows the accessor: re-route it.
    if (Object.prototype.hasOwnProperty.call(this, 'model')) {
      const m = this.model;
      delete this.model;
      this.model = m;
    } else if (this._model && !this._svg) {
      this._render();
    }
  }

  get model() { return this._model; }

  set model(value) {
    if (typeof value === 'string') {
      try { value = JSON.parse(value); } catch (e) { value = null; }
    }
    this._model = value || null;
    this._render();
  }

  /** Move keyboard focus to a cell; returns false if no such cell exists. */
  focusCell(corner, a, b) {
    const cell = this._cells.get(cellKey(corner, a, b));
    if (!cell) return false;
    this._setActive(cell.key);
    cell.el.focus();
    return true;
  }

  // ---------------------------------------------------------------- rendering

  _render() {
    const m = this._model || {};
    const readOnly = !!m.readOnly;
    this.toggleAttribute('readonly', readOnly);

    // Remember focus so a server round-trip does not lose the keyboard position.
    const active = this.shadowRoot.activeElement;
    const hadCellFocus = !!(active && active.classList && active.classList.contains('cell'));
    const focusedKey = hadCellFocus ? active.dataset.key : null;
    const hadAddFocus = active && active.classList && active.classList.contains('add') ? active.dataset.side : null;

    const sides = m.sides || {};
    const S = {
      north: sides.north || [], west: sides.west || [], east: sides.east || [],
      south: sides.south || [], owners: sides.owners || [],
    };
    // Layout slots: an empty side keeps one slot so its header area stays visible.
    const L = {};
    for (const k of Object.keys(S)) L[k] = Math.max(1, S[k].length);

    // Centre square: big enough for ~55 chars, grows with larger boards.
    const maxN = Math.max(L.north, L.south, L.west, L.east);
    const SQ = Math.max(352, Math.round(maxN * C * 0.8));

    // Column/row origins.
    const x0 = BAND;                         // first (outermost) west column
    const xc = x0 + L.west * C;              // centre left
    const xe = xc + SQ;                      // first east column
    const xo = xe + L.east * C + GAP;        // first owner column
    const xEnd = xo + L.owners * C;
    const y0 = TITLE_H + BAND;               // first (outermost) north row
    const yc = y0 + L.north * C;             // centre top
    const ys = yc + SQ;                      // first south row
    const yEnd = ys + L.south * C;
    const W = Math.max(xEnd + BAND, xo + 110);
    const H = yEnd + BAND + LEGEND_H;

    // Positions of item slots (index 0 is nearest the centre).
    const northY = (i) => yc - (i + 1) * C;
    const southY = (i) => ys + i * C;
    const westX = (i) => xc - (i + 1) * C;
    const eastX = (i) => xe + i * C;
    const ownerX = (i) => xo + i * C;

    const svg = el('svg', {
      viewBox: `0 0 ${W} ${H}`, role: 'group',
      'aria-label': m.title ? `X-matrix: ${m.title}` : 'X-matrix',
      preserveAspectRatio: 'xMidYMin meet',
    });
    // On screen, large boards keep a readable minimum size and scroll horizontally instead.
    svg.style.minWidth = `${Math.round(W * 0.75)}px`;

    // Title.
    if (m.title) {
      const t = el('text', { x: x0, y: TITLE_H / 2 + 4, class: 'title' }, svg);
      t.textContent = clip(m.title, Math.floor((W - 2 * BAND) / 9));
      tooltip(t, m.title);
    }

    // Centre: four triangles split by the diagonals.
    const cx = xc + SQ / 2, cy = yc + SQ / 2;
    const tri = (cls, pts) => el('polygon', { class: `tri ${cls}`, points: pts.map((p) => p.join(',')).join(' ') }, svg);
    tri('n', [[xc, yc], [xe, yc], [cx, cy]]);
    tri('e', [[xe, yc], [xe, ys], [cx, cy]]);
    tri('s', [[xe, ys], [xc, ys], [cx, cy]]);
    tri('w', [[xc, ys], [xc, yc], [cx, cy]]);
    const triText = (text, x, y, rot) => {
      const t = el('text', {
        x: 0, y: 0, class: 'tri-label', 'text-anchor': 'middle', 'dominant-baseline': 'central',
        transform: `translate(${x} ${y})${rot ? ` rotate(${rot})` : ''}`,
      }, svg);
      t.textContent = text;
    };
    triText('Improvement priorities', cx, yc + SQ * 0.17, 0);
    triText('Metrics / targets', xe - SQ * 0.17, cy, 90);
    triText('Breakthrough objectives', cx, ys - SQ * 0.17, 0);
    triText('Annual objectives', xc + SQ * 0.17, cy, -90);

    // Item labels.
    const itemEls = { north: new Map(), west: new Map(), east: new Map(), south: new Map(), owners: new Map() };
    const horizontal = (side, items, yOf) => {
      items.forEach((it, i) => {
        itemEls[side].set(it.id, this._item(svg, side, it, { x: xc, y: yOf(i), w: SQ, h: C, vertical: false }));
      });
      if (!items.length) this._empty(svg, side, { x: xc, y: yOf(0), w: SQ, h: C, vertical: false });
    };
    const vertical = (side, items, xOf) => {
      items.forEach((it, i) => {
        itemEls[side].set(it.id, this._item(svg, side, it, { x: xOf(i), y: yc, w: C, h: SQ, vertical: true }));
      });
      if (!items.length) this._empty(svg, side, { x: xOf(0), y: yc, w: C, h: SQ, vertical: true });
    };
    horizontal('north', S.north, northY);
    horizontal('south', S.south, southY);
    vertical('west', S.west, westX);
    vertical('east', S.east, eastX);
    vertical('owners', S.owners, ownerX);

    // Owners column header (above the owners × priorities grid).
    const oh = el('text', { x: xo, y: y0 - 8, class: 'side-title' }, svg);
    oh.textContent = 'OWNERS';

    // Correlation lookup.
    const corr = new Map();
    for (const c of m.correlations || []) corr.set(cellKey(c.corner, c.a, c.b), c.strength);

    // Corner grids. Each entry: [corner, rows(items,yOf,side), cols(items,xOf,side), (row,col)->[a,b]]
    this._cells = new Map();
    const cellsLayer = el('g', {
      role: 'grid', 'aria-label': readOnly ? 'Correlations (read only)' : 'Correlations',
      'aria-readonly': readOnly ? 'true' : 'false',
    }, svg);
    // ARIA rows follow the arrow keys: one row per line of the layout, across all corners.
    const rowsByY = new Map();
    const grid = (corner, rowSide, rowItems, yOf, colSide, colItems, xOf, ab) => {
      rowItems.forEach((r, ri) => {
        const rowG = rowsByY.get(yOf(ri)) || el('g', { role: 'row' });
        rowsByY.set(yOf(ri), rowG);
        colItems.forEach((c, ci) => {
          const [a, b] = ab(r, c);
          const key = cellKey(corner, a, b);
          const strength = corr.get(key);
          const x = xOf(ci), y = yOf(ri);
          const words = corner === 'OWNERS' ? OWNER_WORD : WORD;
          const state = strength ? (words[strength] || String(strength).toLowerCase())
            : (corner === 'OWNERS' ? 'not assigned' : 'no correlation');
          const [ia, ib] = corner === 'NW' || corner === 'SE' ? [c, r] : [r, c]; // items a and b
          const label = `${ia.code || ia.label} × ${ib.code || ib.label}: ${state}`;
          const g = el('g', {
            class: `cell${(ri + ci) % 2 ? ' alt' : ''}`, role: 'gridcell', tabindex: -1, focusable: 'true',
            'aria-label': label, 'data-key': key,
          }, rowG);
          el('rect', { x, y, width: C, height: C }, g);
          tooltip(g, `${ia.code || ''} ${ia.label || ''} × ${ib.code || ''} ${ib.label || ''}: ${state}`);
          if (strength && SYMBOL[strength]) {
            const t = el('text', { x: x + C / 2, y: y + C / 2 + 1, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, g);
            t.textContent = SYMBOL[strength];
          }
          this._cells.set(key, {
            key, el: g, corner, a, b, x, y,
            items: [itemEls[rowSide].get(r.id), itemEls[colSide].get(c.id)],
          });
        });
      });
    };
    // NW: a = west, b = north.   NE: a = north, b = east.   SW: a = south, b = west.
    // SE: a = east, b = south.   OWNERS: a = north, b = owner.
    grid('NW', 'north', S.north, northY, 'west', S.west, westX, (n, w) => [w.id, n.id]);
    grid('NE', 'north', S.north, northY, 'east', S.east, eastX, (n, e) => [n.id, e.id]);
    grid('OWNERS', 'north', S.north, northY, 'owners', S.owners, ownerX, (n, o) => [n.id, o.id]);
    grid('SW', 'south', S.south, southY, 'west', S.west, westX, (s, w) => [s.id, w.id]);
    grid('SE', 'south', S.south, southY, 'east', S.east, eastX, (s, e) => [e.id, s.id]);
    // Rows top to bottom, cells left to right within each row: the order the arrow keys follow.
    [...rowsByY.keys()].sort((p, q) => p - q).forEach((y) => {
      const rowG = rowsByY.get(y);
      [...rowG.children].sort((p, q) => this._cells.get(p.dataset.key).x - this._cells.get(q.dataset.key).x)
        .forEach((g) => rowG.appendChild(g));
      cellsLayer.appendChild(rowG);
    });

    // Outer frames of the main X block and the owners block.
    el('rect', { class: 'frame', x: x0, y: y0, width: xe + L.east * C - x0, height: yEnd - y0 }, svg);
    el('rect', { class: 'frame', x: xo, y: y0, width: L.owners * C, height: ys - y0 }, svg);

    // "+ Add" buttons on the outer edge of each side's label area.
    if (!readOnly) {
      this._addButton(svg, 'north', cx, TITLE_H + BAND / 2, 0);
      this._addButton(svg, 'south', cx, yEnd + BAND / 2, 0);
      this._addButton(svg, 'west', BAND / 2, cy, -90);
      this._addButton(svg, 'east', xe + L.east * C + GAP / 2, cy, -90);
      this._addButton(svg, 'owners', xEnd + BAND / 2, cy, -90);
    }

    // Legend.
    const lg = el('g', { class: 'legend' }, svg);
    const ly = H - LEGEND_H / 2;
    let lx = x0;
    for (const [sym, text] of [['●', 'strong / leads'], ['○', 'important / contributes'], ['△', 'weak']]) {
      const s = el('text', { x: lx, y: ly, class: 'sym', 'dominant-baseline': 'central' }, lg);
      s.textContent = sym;
      const t = el('text', { x: lx + 16, y: ly, 'dominant-baseline': 'central' }, lg);
      t.textContent = text;
      lx += 16 + text.length * 6.8 + 22;
    }

    // Focus ring overlay (drawn last so neighbouring cells never cover it).
    this._ring = el('rect', { class: 'focus-ring', width: C, height: C, rx: 2, visibility: 'hidden' }, svg);

    this._host.replaceChildren(svg, this._list(m, S));
    this._svg = svg;

    // Roving tabindex: keep the previous position if it still exists, else the first cell.
    const wanted = m.focus ? cellKey(m.focus.corner, m.focus.a, m.focus.b) : null;
    let key = [wanted, focusedKey, this._activeKey].find((k) => k && this._cells.has(k));
    if (!key) key = this._firstCellKey();
    this._activeKey = null;
    if (key) this._setActive(key);

    if (this.isConnected) {
      if (wanted && this._cells.has(wanted)) this._cells.get(wanted).el.focus();
      else if (hadCellFocus && key) this._cells.get(key).el.focus();
      else if (hadAddFocus) {
        const b = svg.querySelector(`.add[data-side="${hadAddFocus}"]`);
        if (b) b.focus();
      }
    }
  }

  /** Draw one item label (a row for north/south, a column for west/east/owners). */
  _item(svg, side, it, { x, y, w, h, vertical }) {
    const warnings = Array.isArray(it.warnings) ? it.warnings.filter(Boolean) : [];
    const g = el('g', {
      class: `item${it.inherited ? ' inherited' : ''}`, role: 'button', tabindex: 0, focusable: 'true',
      'data-side': side, 'data-id': it.id,
      'aria-label': `${it.code || ''} ${it.label || ''}${it.detail ? ` (${it.detail})` : ''}` +
        `${it.inherited ? ', inherited' : ''}${warnings.length ? `, warnings: ${warnings.join('; ')}` : ''}`,
    }, svg);
    el('rect', { x, y, width: w, height: h }, g);
    const full = [it.code, it.label].filter(Boolean).join(' ') + (it.detail ? ` · ${it.detail}` : '') +
      (it.inherited ? ' (inherited)' : '');
    tooltip(g, full);

    // Character budget along the label's length, minus room for the ⚠ marker.
    const length = vertical ? h : w;
    let budget = Math.floor((length - 12 - (warnings.length ? 16 : 0) - (it.status ? 14 : 0)) / CHAR_W);
    const t = el('text', {
      x: 0, y: 0, 'dominant-baseline': 'central',
      transform: vertical ? `translate(${x + w / 2} ${y + h - 6}) rotate(-90)` : `translate(${x + 6} ${y + h / 2})`,
    }, g);
    if (it.code) {
      const code = clip(it.code, budget);
      el('tspan', { class: 'code' }, t).textContent = code + ' ';
      budget -= code.length + 1;
    }
    if (budget > 0) {
      const label = clip(it.label || '', budget);
      el('tspan', null, t).textContent = label;
      budget -= label.length;
    }
    if (it.detail && budget > 4) {
      el('tspan', { class: 'detail' }, t).textContent = clip(` · ${it.detail}`, budget);
    }

    if (it.status) {
      // The A3 status of a priority: a small filled circle, with its label as tooltip and for screen readers.
      const offset = warnings.length ? 26 : 10;
      const sg = el('g', { class: `a3-marker ${it.status}`, 'data-status': it.status }, g);
      el('circle', { cx: vertical ? x + w / 2 : x + w - offset, cy: vertical ? y + offset : y + h / 2, r: 5 }, sg);
      tooltip(sg, `A3: ${it.statusLabel || it.status}`);
      g.setAttribute('aria-label', `${g.getAttribute('aria-label')}, A3 ${it.statusLabel || it.status}`);
    }
    if (warnings.length) {
      const wg = el('g', { class: 'warn-marker' }, g);
      const wt = el('text', {
        class: 'warn', 'text-anchor': 'middle', 'dominant-baseline': 'central',
        x: vertical ? x + w / 2 : x + w - 10, y: vertical ? y + 10 : y + h / 2,
      }, wg);
      wt.textContent = '⚠';
      tooltip(wg, warnings.join('\n'));
    }
    return g;
  }

  /**
   * The plan as a list for narrow screens: each side with its items and, for each item, the items
   * it is linked to with the strength of the link (the corner cells of the drawing).
   */
  _list(m, S) {
    const div = document.createElement('div');
    div.className = 'list';
    div.setAttribute('role', 'region');
    div.setAttribute('aria-label', m.title ? `X-matrix as a list: ${m.title}` : 'X-matrix as a list');
    const add = (parent, tag, cls, text) => {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      parent.appendChild(e);
      return e;
    };
    if (m.title) add(div, 'h3', null, m.title);
    // Corner → [side of a, side of b]: the same pairs as the drawing's grids.
    const CORNER_SIDES = { NW: ['west', 'north'], NE: ['north', 'east'], SW: ['south', 'west'],
      SE: ['east', 'south'], OWNERS: ['north', 'owners'] };
    const byKey = new Map();
    for (const side of Object.keys(S)) for (const it of S[side]) byKey.set(`${side}|${it.id}`, it);
    const links = new Map();
    for (const c of m.correlations || []) {
      const sides = CORNER_SIDES[c.corner];
      if (!sides || !c.strength) continue;
      const words = c.corner === 'OWNERS' ? OWNER_WORD : WORD;
      const pair = [[`${sides[0]}|${c.a}`, `${sides[1]}|${c.b}`], [`${sides[1]}|${c.b}`, `${sides[0]}|${c.a}`]];
      for (const [from, to] of pair) {
        const other = byKey.get(to);
        if (!byKey.has(from) || !other) continue;
        if (!links.has(from)) links.set(from, []);
        links.get(from).push(`${other.code || other.label} ${SYMBOL[c.strength] || ''} ${words[c.strength] || ''}`.trim());
      }
    }
    const HEADINGS = [['south', 'Breakthrough objectives'], ['west', 'Annual objectives'],
      ['north', 'Improvement priorities'], ['east', 'Metrics / targets'], ['owners', 'Owners']];
    for (const [side, heading] of HEADINGS) {
      add(div, 'h4', null, heading);
      const ul = add(div, 'ul');
      if (!S[side].length) add(ul, 'li', 'empty', `No ${SIDE_NAMES[side]} yet`);
      for (const it of S[side]) {
        const li = add(ul, 'li');
        const b = add(li, 'button', 'item');
        b.type = 'button';
        b.dataset.side = side;
        b.dataset.id = it.id;
        if (it.code) add(b, 'strong', 'code', `${it.code} `);
        add(b, 'span', null, `${it.label || ''}${it.inherited ? ' (inherited)' : ''}`);
        if (it.detail) add(li, 'span', 'detail', it.detail);
        const l = links.get(`${side}|${it.id}`);
        add(li, 'span', 'links', l && l.length ? `Linked to: ${l.join(', ')}` : 'Not linked yet');
        const warnings = Array.isArray(it.warnings) ? it.warnings.filter(Boolean) : [];
        if (warnings.length) add(li, 'span', 'warn-text', `⚠ ${warnings.join('; ')}`);
      }
    }
    return div;
  }

  /** Placeholder for a side without items. */
  _empty(svg, side, { x, y, w, h, vertical }) {
    const g = el('g', { class: 'empty' }, svg);
    el('rect', { x: x + 1, y: y + 1, width: w - 2, height: h - 2 }, g);
    const t = el('text', {
      x: 0, y: 0, 'dominant-baseline': 'central',
      transform: vertical ? `translate(${x + w / 2} ${y + h - 6}) rotate(-90)` : `translate(${x + 6} ${y + h / 2})`,
    }, g);
    t.textContent = `No ${SIDE_NAMES[side]} yet`;
  }

  /** Small "+ Add" text button; fires item-add. */
  _addButton(svg, side, x, y, rot) {
    const g = el('g', {
      class: 'add', role: 'button', tabindex: 0, focusable: 'true', 'data-side': side,
      'aria-label': `Add ${SIDE_NAMES[side]}`,
      transform: `translate(${x} ${y})${rot ? ` rotate(${rot})` : ''}`,
    }, svg);
    el('rect', { x: -24, y: -9, width: 48, height: 18 }, g);
    const t = el('text', { x: 0, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, g);
    t.textContent = '+ Add';
    tooltip(g, `Add ${SIDE_NAMES[side]}`);
  }

  // ------------------------------------------------------------ interaction

  _fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  _cellFromEvent(e) {
    const g = e.target && e.target.closest ? e.target.closest('.cell') : null;
    return g ? this._cells.get(g.dataset.key) : null;
  }

  _onClick(e) {
    const t = e.target && e.target.closest ? e.target : null;
    if (!t) return;
    const cell = this._cellFromEvent(e);
    if (cell) {
      this._setActive(cell.key);
      cell.el.focus();
      if (!this._readOnly()) this._fire('cell-click', { corner: cell.corner, a: cell.a, b: cell.b });
      return;
    }
    const item = t.closest('.item');
    if (item) {
      this._fire('item-click', { side: item.dataset.side, id: this._itemId(item) });
      return;
    }
    const add = t.closest('.add');
    if (add && !this._readOnly()) this._fire('item-add', { side: add.dataset.side });
  }

  _onKeyDown(e) {
    const t = e.target;
    if (!t || !t.classList) return;
    if (t.classList.contains('item')) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this._fire('item-click', { side: t.dataset.side, id: this._itemId(t) });
      }
      return;
    }
    if (t.classList.contains('add')) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (!this._readOnly()) this._fire('item-add', { side: t.dataset.side });
      }
      return;
    }
    const cell = t.classList.contains('cell') ? this._cells.get(t.dataset.key) : null;
    if (!cell) return;
    let next = null;
    switch (e.key) {
      case 'ArrowRight': next = this._neighbour(cell, 1, 0); break;
      case 'ArrowLeft': next = this._neighbour(cell, -1, 0); break;
      case 'ArrowDown': next = this._neighbour(cell, 0, 1); break;
      case 'ArrowUp': next = this._neighbour(cell, 0, -1); break;
      case 'Home': next = this._rowEnd(cell, -1); break;
      case 'End': next = this._rowEnd(cell, 1); break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (!this._readOnly()) this._fire('cell-click', { corner: cell.corner, a: cell.a, b: cell.b });
        return;
      default: return;
    }
    e.preventDefault();
    if (next) {
      this._setActive(next.key);
      next.el.focus();
    }
  }

  /**
   * Nearest cell in a direction on the same row (dx) or column (dy) of the full layout.
   * Cells are compared by their SVG coordinates, so the centre block and the owners gap are
   * skipped naturally (NW → NE → OWNERS; NW ↓ SW; NE ↓ SE).
   */
  _neighbour(cell, dx, dy) {
    let best = null, bestD = Infinity;
    for (const c of this._cells.values()) {
      const d = dx ? (c.y === cell.y ? (c.x - cell.x) * dx : -1) : (c.x === cell.x ? (c.y - cell.y) * dy : -1);
      if (d > 0 && d < bestD) { best = c; bestD = d; }
    }
    return best;
  }

  /** First (dir=-1) or last (dir=1) cell on the same row. */
  _rowEnd(cell, dir) {
    let best = cell;
    for (const c of this._cells.values()) {
      if (c.y === cell.y && (c.x - best.x) * dir > 0) best = c;
    }
    return best;
  }

  _firstCellKey() {
    let best = null;
    for (const c of this._cells.values()) {
      if (!best || c.y < best.y || (c.y === best.y && c.x < best.x)) best = c;
    }
    return best ? best.key : null;
  }

  /** Roving tabindex: exactly one cell has tabindex 0. */
  _setActive(key) {
    if (this._activeKey === key) return;
    const prev = this._cells.get(this._activeKey);
    if (prev) prev.el.setAttribute('tabindex', '-1');
    const cur = this._cells.get(key);
    if (cur) cur.el.setAttribute('tabindex', '0');
    this._activeKey = cur ? key : null;
  }

  _onFocusIn(e) {
    const cell = this._cellFromEvent(e);
    if (!cell) return;
    this._setActive(cell.key);
    if (this._ring) {
      this._ring.setAttribute('x', cell.x);
      this._ring.setAttribute('y', cell.y);
      this._ring.setAttribute('visibility', 'visible');
    }
    this._highlight(cell);
  }

  _onFocusOut() {
    if (this._ring) this._ring.setAttribute('visibility', 'hidden');
    this._highlight(null);
  }

  _onHover(e) {
    const cell = this._cellFromEvent(e);
    const active = this.shadowRoot.activeElement;
    this._highlight(cell || (active ? this._cells.get(active.dataset && active.dataset.key) : null));
  }

  /** Tint the two item labels that a cell relates (line of sight while scanning big grids). */
  _highlight(cell) {
    if (this._hl) this._hl.forEach((g) => g && g.classList.remove('hl'));
    this._hl = cell ? cell.items : null;
    if (this._hl) this._hl.forEach((g) => g && g.classList.add('hl'));
  }

  _readOnly() {
    return !!(this._model && this._model.readOnly);
  }

  /** Item ids are numbers in the model; keep the original type. */
  _itemId(itemEl) {
    const raw = itemEl.dataset.id;
    const n = Number(raw);
    return raw !== '' && Number.isFinite(n) ? n : raw;
  }
}

if (!customElements.get('x-matrix')) {
  customElements.define('x-matrix', XMatrix);
}

export { XMatrix };
