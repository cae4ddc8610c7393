// lists.js: long lists (files, channels, hosts, errors, rules...) as a
// folded section that says how many it holds; opened, a table in a box of
// its own height with a filter of its own, drawn in pages. However many
// rows, the page around it does not grow.

const LIST_PAGE = 500;

// columns: [{label, className, text(row) -> string, count: bool}]; rows: any array.
// options: {key (data-table), title, summary (text after the title), open, empty}
function foldedList(options, columns, rows) {
  const folded = make('details', 'folded');
  folded.dataset.list = options.key;
  const head = make('summary', null);
  head.appendChild(make('span', 'folded-title', options.title));
  head.appendChild(make('span', 'folded-count', ' (' + formatCount(rows.length) + ')'));
  if (options.summary) head.appendChild(make('span', 'folded-note', ' ' + options.summary));
  folded.appendChild(head);
  let drawn = false;
  const draw = () => {
    if (drawn) return;
    drawn = true;
    folded.appendChild(listTable(options, columns, rows));
  };
  folded.addEventListener('toggle', () => { if (folded.open) draw(); });
  if (options.open) {
    folded.open = true;
    draw();
  }
  return folded;
}

// The table itself, with its filter and pages.
function listTable(options, columns, rows) {
  const box = make('div', 'list');
  if (rows.length === 0) {
    box.appendChild(make('p', 'empty', options.empty || 'none'));
    return box;
  }
  const tools = make('div', 'list-tools');
  const filter = make('input');
  filter.type = 'search';
  filter.placeholder = 'filter';
  filter.autocomplete = 'off';
  filter.spellcheck = false;
  filter.setAttribute('aria-label', 'Filter ' + options.title);
  filter.dataset.filter = options.key;
  const shown = make('span', 'list-shown');
  tools.appendChild(filter);
  tools.appendChild(shown);
  if (rows.length > 8) box.appendChild(tools);

  const scroller = make('div', 'list-scroll');
  const table = make('table');
  table.dataset.table = options.key;
  const headRow = table.createTHead().insertRow();
  for (const column of columns) headRow.appendChild(make('th', column.count ? 'count' : column.className || null, column.label));
  const body = table.createTBody();
  scroller.appendChild(table);
  box.appendChild(scroller);
  const more = button('', 'list-more');
  box.appendChild(more);

  // Lower-case texts of each row, for the filter, made when first needed.
  let haystacks = null;
  let matching = rows;
  let drawnRows = 0;
  const drawPage = () => {
    const end = Math.min(matching.length, drawnRows + LIST_PAGE);
    for (; drawnRows < end; ++drawnRows) {
      const row = body.insertRow();
      const entry = matching[drawnRows];
      if (options.rowClass) row.className = options.rowClass(entry);
      columns.forEach((column, index) => {
        const value = column.text(entry);
        const cell = make('td', column.count ? 'count' : column.className || 'data');
        appendText(cell, column.count ? formatCount(value) : String(value), Boolean(column.multiline));
        if (column.title) cell.title = visibleText(column.title(entry));
        if (column.count) cell.dataset.count = String(value);
        if (index === 0) cell.dataset.name = String(value);
        if (column.key) cell.dataset.column = column.key;
        row.appendChild(cell);
      });
    }
    more.hidden = drawnRows >= matching.length;
    setText(more, 'Show ' + formatCount(Math.min(LIST_PAGE, matching.length - drawnRows)) + ' more of ' +
      formatCount(matching.length - drawnRows));
    setText(shown, matching.length === rows.length ? formatCount(rows.length) + ' rows'
      : formatCount(matching.length) + ' of ' + formatCount(rows.length) + ' rows match');
  };
  more.addEventListener('click', drawPage);
  let timer = 0;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const needle = filter.value.trim().toLowerCase();
      if (needle === '') {
        matching = rows;
      } else {
        if (!haystacks) haystacks = rows.map((entry) => columns.map((column) => String(column.text(entry))).join('\n').toLowerCase());
        matching = rows.filter((entry, index) => haystacks[index].includes(needle));
      }
      body.textContent = '';
      drawnRows = 0;
      drawPage();
    }, 120);
  });
  drawPage();
  return box;
}

// [name, count] pairs as a folded list, busiest first.
function foldedCounts(key, title, nameHeader, pairs, options) {
  const sorted = pairs.slice().sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const columns = [
    { label: nameHeader, text: (pair) => (pair[0] === '' ? '(none)' : pair[0]) },
    { label: 'count', count: true, text: (pair) => pair[1] },
  ];
  if (options && options.extra) columns.push(...options.extra);
  return foldedList(Object.assign({ key, title }, options || {}), columns, sorted);
}
