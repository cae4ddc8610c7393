// timeline.js: the timeline as a work surface: a column chooser and
// resizable columns, filters per host, channel, event id, event, level and
// analytic, the search of query.js, sorting, keyboard navigation, marks,
// export of the shown or marked rows, and every field of the selected row
// (its CAR fields, its EventData as logged, its record's System values).
// Only the rows in view exist in the page (virtual scrolling).

const MAX_SCROLL_PIXELS = 8000000;  // browsers cap element heights; beyond, rows are spread over this
const PRINT_ROWS = 500;
const MARK_WIDTH = 30;
const COLUMN_PREFERENCES = 'evtxcar:timeline-columns';

function createTimeline(report, data, files) {
  const viewport = byId('timeline-viewport');
  const spacer = byId('timeline-spacer');
  const rowsBox = byId('timeline-rows');
  const head = byId('timeline-head');
  const countLine = byId('timeline-count');
  const detail = byId('timeline-detail');
  const inputs = {
    text: byId('filter-text'), paths: byId('filter-paths'), host: byId('filter-host'), channel: byId('filter-channel'),
    eventId: byId('filter-event-id'), event: byId('filter-event'), level: byId('filter-level'),
    analytic: byId('filter-analytic'), hits: byId('filter-hits'), marked: byId('filter-marked'),
    from: byId('filter-from'), before: byId('filter-before'), clear: byId('filter-clear'), problem: byId('filter-problem'),
    rows: byId('filter-rows'),
  };
  const rowHeight = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--row-height')) || 24;
  const marks = createMarks(report);
  const allColumns = timelineColumns(data);

  // --- columns: which are shown, in which width (the analyst's choice, kept by the browser)
  const saved = storage.read(COLUMN_PREFERENCES, {});
  const columnState = new Map(allColumns.map((column) => {
    const choice = saved && typeof saved === 'object' && saved[column.key];
    return [column.key, {
      shown: choice && typeof choice.shown === 'boolean' ? choice.shown : Boolean(column.shown),
      width: choice && Number.isFinite(choice.width) ? Math.min(2000, Math.max(40, choice.width)) : column.width,
    }];
  }));
  const saveColumns = () => storage.write(COLUMN_PREFERENCES, Object.fromEntries(columnState));
  let columns = [];
  let shownFields = new Set();
  function layoutColumns() {
    columns = allColumns.filter((column) => columnState.get(column.key).shown);
    if (columns.length === 0) {
      columnState.get('time').shown = true;
      columns = allColumns.filter((column) => columnState.get(column.key).shown);
    }
    shownFields = new Set();
    for (const column of columns) {
      if (column.field && data.fieldNumber.has(column.field)) shownFields.add(data.fieldNumber.get(column.field));
    }
    sizeColumns();
    buildHead();
  }
  function sizeColumns() {
    const widths = [MARK_WIDTH].concat(columns.map((column) => columnState.get(column.key).width));
    viewport.style.setProperty('--timeline-columns', widths.map((width) => width + 'px').join(' '));
    viewport.style.setProperty('--timeline-width', widths.reduce((sum, width) => sum + width, 0) + 'px');
  }

  const state = {
    filter: emptyFilter(),
    sort: { key: 'time', descending: false },
    view: new Uint32Array(0),
    shownEvents: 0,
    selected: -1,  // entry index
  };
  function emptyFilter() {
    return { text: '', paths: false, host: null, channel: null, eventId: null, event: null, level: null, analytic: null,
      hits: false, marked: false, from: null, before: null, rows: null, rowsLabel: '' };
  }

  // --- the choices of each filter, with how many rows each has
  const perShape = new Uint32Array(data.shapes.length);
  for (let i = 0; i < data.count; ++i) if (!data.isGap(i)) perShape[data.shapeOf[i]] += 1;
  const facets = {
    host: { select: inputs.host, of: (shape) => [shape.host], label: (name) => (name === '' ? '(none)' : name) },
    channel: { select: inputs.channel, of: (shape) => [shape.channel], label: (name) => (name === '' ? '(none)' : name) },
    eventId: { select: inputs.eventId, of: (shape) => [shape.eventId], label: String, numeric: true },
    event: { select: inputs.event, of: (shape) => [shape.event], label: String },
    level: { select: inputs.level, of: (shape) => [shape.level], label: recordLevelText, numeric: true },
    analytic: { select: inputs.analytic, of: (shape) => shape.analytics,
      label: (label) => (data.analyticNames.get(label) ? data.analyticNames.get(label) + ' (' + label + ')' : label) },
  };
  for (const facet of Object.values(facets)) {
    const counts = new Map();
    data.shapes.forEach((shape, index) => {
      if (perShape[index] === 0) return;
      for (const value of facet.of(shape)) counts.set(value, (counts.get(value) || 0) + perShape[index]);
    });
    facet.counts = counts;
    facet.names = [...counts.keys()].sort(facet.numeric ? (a, b) => a - b : compareText);
    facet.names.forEach((name, index) => addOption(facet, name, index));
  }
  function addOption(facet, name, index) {
    const option = document.createElement('option');
    option.textContent = visibleText(facet.label(name)) + ' (' + formatCount(facet.counts.get(name) || 0) + ')';
    option.value = String(index);
    option.dataset.name = String(name);
    facet.select.appendChild(option);
  }
  const chosen = (facet) => (facet.select.value === '' ? null : facet.names[Number(facet.select.value)]);
  const choose = (facet, name) => {
    if (name === null || name === undefined) {
      facet.select.value = '';
      return;
    }
    let index = facet.names.indexOf(name);
    if (index < 0) {  // e.g. a host without rows in this report: still selectable
      facet.names.push(name);
      index = facet.names.length - 1;
      addOption(facet, name, index);
    }
    facet.select.value = String(index);
  };

  let typingTimer = 0;
  inputs.text.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { state.filter.text = inputs.text.value; apply(); }, 150);
  });
  inputs.text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      clearTimeout(typingTimer);
      state.filter.text = inputs.text.value;
      apply();
    }
  });
  for (const [key, facet] of Object.entries(facets)) {
    facet.select.addEventListener('change', () => { state.filter[key] = chosen(facet); apply(); });
  }
  for (const key of ['hits', 'marked', 'paths']) {
    inputs[key].addEventListener('change', () => { state.filter[key] = inputs[key].checked; apply(); });
  }
  const readTimeInput = (input, key) => {
    const text = input.value.trim();
    const parsed = text === '' ? null : parseTime(text);
    input.classList.toggle('invalid', text !== '' && parsed === null);
    state.filter[key] = parsed;
  };
  for (const [input, key] of [[inputs.from, 'from'], [inputs.before, 'before']]) {
    input.addEventListener('change', () => { readTimeInput(input, key); apply(); });
  }
  inputs.clear.addEventListener('click', () => setFilter({}));
  byId('search-help-toggle').addEventListener('click', () => {
    const help = byId('search-help');
    help.hidden = !help.hidden;
  });

  // Sets every filter at once (absent: cleared) and shows the result.
  function setFilter(filter) {
    const next = Object.assign(emptyFilter(), filter);
    inputs.text.value = next.text || '';
    inputs.paths.checked = Boolean(next.paths);
    for (const [key, facet] of Object.entries(facets)) choose(facet, next[key]);
    inputs.hits.checked = Boolean(next.hits);
    inputs.marked.checked = Boolean(next.marked);
    inputs.from.value = next.from || '';
    inputs.before.value = next.before || '';
    state.filter = emptyFilter();
    state.filter.text = inputs.text.value;
    state.filter.paths = inputs.paths.checked;
    for (const [key, facet] of Object.entries(facets)) state.filter[key] = chosen(facet);
    state.filter.hits = inputs.hits.checked;
    state.filter.marked = inputs.marked.checked;
    state.filter.rows = next.rows ? new Set(next.rows) : null;
    state.filter.rowsLabel = next.rowsLabel || '';
    readTimeInput(inputs.from, 'from');
    readTimeInput(inputs.before, 'before');
    apply();
  }

  // --- column heads: sorting and resizing
  function buildHead() {
    head.textContent = '';
    const markHead = make('span', 'mark-head', '\u2605');
    markHead.title = 'Marked rows (press m, or click the star of a row)';
    head.appendChild(markHead);
    for (const column of columns) {
      const cell = make('span', 'head-cell');
      cell.dataset.column = column.key;
      if (column.sort === 'none') {
        cell.appendChild(make('span', 'head-label', column.label));
      } else {
        const sort = button(column.label, null, () => {
          const same = state.sort.key === column.key;
          state.sort = { key: column.key, descending: same ? !state.sort.descending : false };
          apply();
        });
        sort.dataset.column = column.key;
        sort.title = 'Sort by ' + column.label;
        cell.appendChild(sort);
      }
      const handle = make('span', 'resize');
      handle.title = 'Drag to resize';
      handle.dataset.column = column.key;
      handle.addEventListener('pointerdown', (event) => startResize(event, column.key, handle));
      cell.appendChild(handle);
      head.appendChild(cell);
    }
    updateHeads();
  }
  function startResize(event, key, handle) {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = columnState.get(key).width;
    handle.setPointerCapture(event.pointerId);
    const move = (moved) => {
      columnState.get(key).width = Math.min(2000, Math.max(40, Math.round(startWidth + moved.clientX - startX)));
      sizeColumns();
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      saveColumns();
      render();
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }
  function updateHeads() {
    for (const sort of head.querySelectorAll('button')) {
      const active = sort.dataset.column === state.sort.key;
      if (active) sort.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
      else sort.removeAttribute('aria-sort');
    }
  }

  // --- the column chooser
  const panel = byId('columns-panel');
  function buildChooser() {
    panel.textContent = '';
    panel.appendChild(make('p', 'hint', 'Columns shown in the timeline (drag a column\u2019s right edge to resize it):'));
    const list = make('div', 'column-choices');
    for (const column of allColumns) {
      const label = make('label', 'check');
      const box = make('input');
      box.type = 'checkbox';
      box.checked = columnState.get(column.key).shown;
      box.dataset.column = column.key;
      box.addEventListener('change', () => {
        columnState.get(column.key).shown = box.checked;
        saveColumns();
        layoutColumns();
        render();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + column.label));
      list.appendChild(label);
    }
    panel.appendChild(list);
    panel.appendChild(button('Default columns', 'columns-default', () => {
      for (const column of allColumns) columnState.set(column.key, { shown: Boolean(column.shown), width: column.width });
      saveColumns();
      buildChooser();
      layoutColumns();
      render();
    }));
  }
  byId('columns-toggle').addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden) buildChooser();
  });

  // --- filtering and sorting
  function apply() {
    const filter = state.filter;
    const sorted = state.sort.key !== 'time' || state.sort.descending;
    inputs.problem.hidden = true;
    const problems = [];
    if (inputs.from.classList.contains('invalid') || inputs.before.classList.contains('invalid')) {
      problems.push('Times are UTC, written as 2024-01-31, 2024-01-31T12:00 or 2024-01-31T12:00:00.1234567; the marked time is not applied.');
    }
    let query = null;
    try {
      query = filter.text.trim() === '' ? null : compileQuery(filter.text, data, { paths: filter.paths });
    } catch (error) {
      problems.push('Search: ' + error.message + '. The search is not applied.');
    }
    inputs.text.classList.toggle('invalid', problems.some((problem) => problem.startsWith('Search')));
    if (problems.length) {
      inputs.problem.hidden = false;
      setText(inputs.problem, problems.join(' '));
    }
    const anyFilter = query !== null || filter.host !== null || filter.channel !== null || filter.eventId !== null ||
      filter.event !== null || filter.level !== null || filter.analytic !== null || filter.hits || filter.marked ||
      filter.from || filter.before || filter.rows !== null;
    inputs.rows.hidden = filter.rows === null;
    if (filter.rows !== null) {
      inputs.rows.textContent = '';
      appendText(inputs.rows, 'Showing only the ' + plural(filter.rows.size, 'event', 'events') + ' of ' + filter.rowsLabel + '. ', false);
      inputs.rows.appendChild(button('Show every row', null, () => setFilter({})));
    }

    const shapeAllowed = new Uint8Array(data.shapes.length);
    data.shapes.forEach((shape, index) => {
      shapeAllowed[index] = (filter.host === null || shape.host === filter.host) &&
        (filter.channel === null || shape.channel === filter.channel) &&
        (filter.eventId === null || shape.eventId === filter.eventId) &&
        (filter.event === null || shape.event === filter.event) &&
        (filter.level === null || shape.level === filter.level) &&
        (filter.analytic === null || shape.analytics.includes(filter.analytic)) &&
        (!filter.hits || shape.analytics.length > 0) ? 1 : 0;
    });

    const view = new Uint32Array(data.count);
    let shown = 0;
    let events = 0;
    for (let i = 0; i < data.count; ++i) {
      if (data.isGap(i)) {
        if (!anyFilter && !sorted) view[shown++] = i;
        continue;
      }
      if (!shapeAllowed[data.shapeOf[i]]) continue;
      if (filter.from && compareTime(data.milliseconds[i], data.rest[i], filter.from[0], filter.from[1]) < 0) continue;
      if (filter.before && compareTime(data.milliseconds[i], data.rest[i], filter.before[0], filter.before[1]) >= 0) continue;
      if (filter.marked && !marks.has(i)) continue;
      if (filter.rows !== null && !filter.rows.has(i)) continue;
      if (query !== null && !query.matches(i)) continue;
      view[shown++] = i;
      ++events;
    }
    let result = view.subarray(0, shown);
    if (sorted) result = sortView(result);
    state.view = result;
    state.shownEvents = events;
    showCount();
    updateHeads();
    resize();
    viewport.scrollTop = 0;
    render();
  }

  function columnOf(key) {
    return allColumns.find((column) => column.key === key);
  }

  // Sorts by the ranks of the distinct keys; ties stay in time order. Rank
  // and row packed into one number let the browser's numeric sort do it.
  function sortView(view) {
    const { key, descending } = state.sort;
    const column = columnOf(key);
    if (key === 'time') return Uint32Array.from(view).reverse();
    if (column.sort === 'source') return sortBySource(view, descending ? -1 : 1);
    const count = view.length;
    const keys = new Array(count);
    for (let k = 0; k < count; ++k) {
      const text = column.text(view[k], shownFields);
      keys[k] = column.sort === 'number' ? numberKey(text) : text;
    }
    const distinct = [...new Set(keys)].sort(column.sort === 'number' ? (a, b) => a - b : compareText);
    const rank = new Map(distinct.map((value, position) => [value, descending ? distinct.length - 1 - position : position]));
    const ROW_LIMIT = 2 ** 21;
    if (data.count <= ROW_LIMIT) {
      const packed = new Float64Array(count);
      for (let k = 0; k < count; ++k) packed[k] = rank.get(keys[k]) * ROW_LIMIT + view[k];
      packed.sort();
      return Uint32Array.from(packed, (value) => value % ROW_LIMIT);
    }
    const order = Array.from(view.keys());
    order.sort((a, b) => (rank.get(keys[a]) - rank.get(keys[b])) || (view[a] - view[b]));
    return Uint32Array.from(order, (position) => view[position]);
  }
  // Numbers in order; text that is no number after them.
  function numberKey(text) {
    const value = text === '' ? NaN : Number(text);
    return Number.isFinite(value) ? value : Number.MAX_VALUE;
  }

  // By file path, then record id (as a number), then time.
  function sortBySource(view, direction) {
    const paths = [...new Set(data.shapes.map((shape) => shape.displayPath))].sort();
    const pathRank = new Map(paths.map((path, position) => [path, position]));
    const count = view.length;
    const file = new Float64Array(count);
    const record = new Float64Array(count);
    for (let k = 0; k < count; ++k) {
      file[k] = pathRank.get(data.shape(view[k]).displayPath);
      record[k] = Number(data.recordId[view[k]]);
    }
    const order = new Uint32Array(count).map((_, k) => k);
    order.sort((a, b) => direction * ((file[a] - file[b]) || (record[a] - record[b])) || (view[a] - view[b]));
    return order.map((position) => view[position]);
  }

  function showCount() {
    const capped = report.timeline.capped;
    let text = 'Showing ' + formatCount(state.shownEvents) + ' of ' + plural(data.events, 'event', 'events');
    if (capped) text += ' in this report (' + formatCount(report.timeline.left_out) + ' more are left out; timeline.csv has all of them)';
    if (marks.size()) text += '; ' + formatCount(marks.size()) + ' marked';
    setText(countLine, text + '.');
    countLine.dataset.shown = String(state.shownEvents);
    countLine.dataset.total = String(data.events);
    countLine.dataset.leftOut = String(report.timeline.left_out);
    countLine.dataset.marked = String(marks.size());
  }

  // --- virtual scrolling: only the visible rows exist in the page
  const pool = [];
  const headHeight = () => head.offsetHeight;
  function scaled() {
    return state.view.length * rowHeight > MAX_SCROLL_PIXELS;
  }
  function resize() {
    spacer.style.height = Math.min(state.view.length * rowHeight, MAX_SCROLL_PIXELS) + 'px';
  }
  function visibleRows() {
    return Math.ceil(Math.max(0, viewport.clientHeight - headHeight()) / rowHeight) + 1;
  }
  // First view position shown, and where its row is drawn.
  function firstVisible() {
    const top = viewport.scrollTop;
    if (!scaled()) {
      const first = Math.floor(top / rowHeight);
      return [first, first * rowHeight];
    }
    const room = Math.max(1, spacer.offsetHeight + headHeight() - viewport.clientHeight);
    const first = Math.round(Math.min(1, top / room) * Math.max(0, state.view.length - visibleRows() + 1));
    return [first, top];
  }

  const empty = make('p', 'empty');
  empty.id = 'timeline-empty';
  spacer.appendChild(empty);

  function render() {
    empty.hidden = state.view.length > 0;
    if (!empty.hidden) setText(empty, data.events === 0 ? 'No events in the timeline.' : 'No event matches the filters.');
    const [first, offset] = firstVisible();
    const wanted = Math.min(visibleRows(), Math.max(0, state.view.length - first));
    while (pool.length < wanted) {
      const row = make('div', 'timeline-row body');
      row.addEventListener('click', (event) => {
        const entry = Number(row.dataset.entry);
        if (event.target.classList.contains('mark')) {
          toggleMark(entry);
          return;
        }
        select(entry);
      });
      rowsBox.appendChild(row);
      pool.push(row);
    }
    rowsBox.style.top = offset + 'px';
    for (let k = 0; k < pool.length; ++k) {
      const row = pool[k];
      if (k >= wanted) {
        row.hidden = true;
        continue;
      }
      row.hidden = false;
      fillRow(row, state.view[first + k]);
    }
  }

  function fillRow(row, i) {
    row.dataset.entry = String(i);
    row.textContent = '';
    if (data.isGap(i)) {
      row.className = 'timeline-row gap';
      appendText(row, '\u2026 ' + plural(data.recordId[i], 'event', 'events') + ' left out here; timeline.csv has them \u2026', false);
      return;
    }
    const hit = data.shape(i).analytics.length > 0;
    const marked = marks.has(i);
    row.className = 'timeline-row body' + (hit ? ' hit' : '') + (i === state.selected ? ' selected' : '') + (marked ? ' marked' : '');
    const mark = make('span', 'mark', marked ? '\u2605' : '\u2606');
    mark.title = marked ? 'Marked; click to unmark' : 'Click to mark';
    mark.dataset.column = 'mark';
    row.appendChild(mark);
    for (const column of columns) {
      const text = column.text(i, shownFields);
      const cell = make('span', column.key === 'analytics' ? 'hits' : null, text);
      cell.dataset.column = column.key;
      if (text !== '') cell.title = visibleText(text.length > 2000 ? text.slice(0, 2000) + '\u2026' : text);
      row.appendChild(cell);
    }
  }

  function toggleMark(entry) {
    if (data.isGap(entry)) return;
    marks.toggle(entry);
  }
  marks.onChange(() => {
    showCount();
    render();
    if (state.selected >= 0) showDetail(state.selected);
  });

  viewport.addEventListener('scroll', () => render(), { passive: true });
  window.addEventListener('resize', () => render());
  viewport.addEventListener('keydown', (event) => {
    if (event.target !== viewport) return;
    const position = state.view.indexOf(state.selected);
    const page = Math.max(1, visibleRows() - 2);
    let next = null;
    switch (event.key) {
      case 'ArrowDown': next = position < 0 ? 0 : position + 1; break;
      case 'ArrowUp': next = position < 0 ? 0 : position - 1; break;
      case 'PageDown': next = position < 0 ? 0 : position + page; break;
      case 'PageUp': next = position < 0 ? 0 : position - page; break;
      case 'Home': next = 0; break;
      case 'End': next = state.view.length - 1; break;
      case 'm':
      case ' ':
        if (state.selected >= 0) {
          event.preventDefault();
          toggleMark(state.selected);
        }
        return;
      default: return;
    }
    event.preventDefault();
    if (state.view.length === 0) return;
    next = Math.max(0, Math.min(state.view.length - 1, next));
    // Gaps are not rows: step over them (Home forwards, End backwards).
    const step = event.key === 'Home' ? 1 : event.key === 'End' ? -1 : next >= position ? 1 : -1;
    while (next >= 0 && next < state.view.length && data.isGap(state.view[next])) next += step;
    if (next < 0 || next >= state.view.length) return;
    select(state.view[next]);
    reveal(next);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    event.preventDefault();
    inputs.text.focus();
  });

  function reveal(position) {
    if (scaled()) {
      const room = Math.max(1, spacer.offsetHeight + headHeight() - viewport.clientHeight);
      viewport.scrollTop = room * position / Math.max(1, state.view.length - visibleRows() + 1);
    } else {
      const top = position * rowHeight;
      const room = viewport.clientHeight - headHeight();
      if (top < viewport.scrollTop || top + rowHeight > viewport.scrollTop + room) {
        viewport.scrollTop = Math.max(0, top - room / 3);
      }
    }
    render();
  }

  const work = byId('timeline-work');
  function select(i) {
    if (data.isGap(i)) return;
    state.selected = i;
    if (detail.hidden) {
      detail.hidden = false;
      work.classList.add('with-detail');
    }
    for (const row of pool) row.classList.toggle('selected', Number(row.dataset.entry) === i && !row.hidden);
    showDetail(i);
  }

  // --- the selected row: every field, the payload as logged, the record's System values
  function showDetail(i) {
    detail.textContent = '';
    const shape = data.shape(i);
    const title = make('h3', null, 'Event ' + shape.event + ' at ' + data.time(i));
    detail.appendChild(title);
    const tools = make('div', 'detail-tools');
    tools.appendChild(button(marks.has(i) ? '\u2605 Marked' : '\u2606 Mark', 'detail-mark', () => toggleMark(i)));
    tools.appendChild(button('Close', 'detail-close', () => {
      detail.hidden = true;
      work.classList.remove('with-detail');
      render();
    }));
    detail.appendChild(tools);
    const section = (key, heading, pairs) => {
      if (pairs.length === 0) return;
      detail.appendChild(make('h4', null, heading));
      const list = make('dl', 'facts');
      list.dataset.section = key;
      for (const [name, text] of pairs) {
        list.appendChild(make('dt', 'data', name));
        const value = make('dd', 'data mono');
        appendText(value, String(text), true);
        list.appendChild(value);
      }
      detail.appendChild(list);
    };
    if (!shape.generic) section('fields', 'CAR fields (' + shape.object + '/' + shape.action + ')', data.fields(i));
    else if (shape.host !== '') section('fields', 'Host', data.fields(i));
    const payloadName = shape.payloadKind === 2 ? 'UserData' + (shape.payloadName ? ' (' + shape.payloadName + ')' : '') : 'EventData';
    const payload = data.payload(i);
    if (shape.payloadKind !== 0 || payload.length) section('payload', payloadName + ', as logged', payload);
    else detail.appendChild(make('p', 'empty', 'The record has no EventData or UserData.'));
    if (shape.analytics.length) {
      detail.appendChild(make('h4', null, 'Analytics that fired'));
      const list = make('ul', 'detail-analytics');
      list.dataset.section = 'analytics';
      for (const label of shape.analytics) {
        const item = make('li', 'data', data.analyticNames.get(label) || label);
        if (data.analyticNames.get(label)) item.appendChild(make('small', 'mono', label));
        list.appendChild(item);
      }
      detail.appendChild(list);
    }
    const system = [['channel', shape.channel], ['provider', shape.provider], ['event id', shape.eventId],
      ['level', recordLevelText(shape.level)], ['task', shape.task], ['opcode', shape.opcode], ['keywords', shape.keywords],
      ['version', shape.version], ['record id', data.recordId[i]]];
    const sid = data.userSid(i);
    if (sid !== '') system.push(['user SID', sid]);
    section('system', 'System', system);
    const source = [['file', shape.displayPath], ['full path', shape.path]];
    for (const copy of shape.copies) source.push(['copy in', files[copy] ? files[copy].path : String(copy)]);
    section('source', 'Source', source);
  }

  // Shows one entry: no filter, time order, the row selected and in view.
  function jumpTo(entry) {
    state.sort = { key: 'time', descending: false };
    setFilter({});
    byId('timeline').scrollIntoView();
    const position = state.view.indexOf(entry);
    if (position < 0) return;
    select(entry);
    reveal(position);
    viewport.focus({ preventScroll: true });
  }

  // Shows only these entries (a detection group's events).
  function showRows(entries, label) {
    state.sort = { key: 'time', descending: false };
    setFilter({ rows: entries, rowsLabel: label });
    byId('timeline').scrollIntoView();
    if (state.view.length) select(state.view[0]);
    viewport.focus({ preventScroll: true });
  }

  // --- export: the shown or the marked rows, with the shown columns, as CSV
  function exportRows(entries, name) {
    const exported = columns;
    const rows = [];
    for (const i of entries) {
      if (data.isGap(i)) continue;
      rows.push(exported.map((column) => column.text(i, shownFields)));
    }
    saveText(name, csvText(exported.map((column) => column.label), rows, report.run.csv_bom !== false), 'text/csv;charset=utf-8');
    return rows.length;
  }
  byId('export-shown').addEventListener('click', () => exportRows(state.view, 'evtxcar-timeline-shown.csv'));
  byId('export-marked').addEventListener('click', () => exportRows(marks.entries(), 'evtxcar-timeline-marked.csv'));
  byId('marks-clear').addEventListener('click', () => marks.clear());

  // --- printing: the rows of the current view, up to PRINT_ROWS, as a table
  const printBox = byId('timeline-print');
  function preparePrint() {
    printBox.textContent = '';
    const limit = Math.min(state.view.length, PRINT_ROWS);
    printBox.appendChild(make('p', null, state.view.length > limit
      ? 'The first ' + formatCount(limit) + ' of ' + formatCount(state.view.length) + ' timeline rows as filtered on screen; timeline.csv has every event.'
      : 'The timeline rows as filtered on screen; timeline.csv has every event.'));
    const table = make('table');
    const headRow = table.createTHead().insertRow();
    for (const column of columns) headRow.appendChild(make('th', null, column.label));
    const body = table.createTBody();
    for (let k = 0; k < limit; ++k) {
      const i = state.view[k];
      const row = body.insertRow();
      if (data.isGap(i)) {
        const cell = row.appendChild(make('td', 'empty', plural(data.recordId[i], 'event', 'events') + ' left out'));
        cell.colSpan = columns.length;
        continue;
      }
      for (const column of columns) {
        const cell = row.appendChild(make('td', 'data'));
        cell.appendChild(make('div', column.key === 'details' ? 'clamp' : null, column.text(i, shownFields)));
      }
    }
    printBox.appendChild(table);
  }
  window.addEventListener('beforeprint', preparePrint);
  window.matchMedia('print').addEventListener('change', (change) => { if (change.matches) preparePrint(); });

  if (report.timeline.capped) {
    const note = byId('timeline-note');
    note.hidden = false;
    setText(note, 'This report holds ' + formatCount(report.timeline.rows) + ' of ' + plural(report.summary.timeline_events, 'timeline event', 'timeline events') +
      ' (the limit is ' + formatCount(report.timeline.max_rows) + ' rows): every event an analytic fired on, with up to ' +
      formatCount(report.timeline.context_events) + ' events before and after each. ' + formatCount(report.timeline.left_out) +
      ' events are left out here; timeline.csv has all of them.');
  }

  layoutColumns();
  apply();
  return { setFilter, jumpTo, showRows, exportRows };
}
