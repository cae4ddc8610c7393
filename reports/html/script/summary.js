// summary.js: the header and the summary at a glance. Whatever the size of
// the collection, the first screen says what was read, what was lost, what
// fired and where the analytics and rules could not look; every long list
// is folded, with its count.

function renderRun(report) {
  const run = report.run;
  const summary = report.summary;
  const line = byId('run-line');
  const inputs = run.inputs.length === 1 ? run.inputs[0] : plural(run.inputs.length, 'input', 'inputs');
  setText(line, 'evtxcar ' + run.tool_version + ' \u00B7 ' + inputs + ' \u00B7 scanned ' + run.started_utc +
    ' (' + Number(run.seconds).toFixed(1) + ' s)');
  const list = byId('run');
  const add = (label, text, className) => {
    list.appendChild(make('dt', null, label));
    const value = make('dd', className || 'data');
    appendText(value, text === '' ? '\u2014' : text, true);
    list.appendChild(value);
  };
  add('Tool', 'evtxcar ' + run.tool_version);
  add('Command line', run.command_line.map(quoteArgument).join(' '), 'data mono');
  add('Inputs', run.inputs.join('\n'), 'data mono lines');
  add('HOMENET', run.homenet.join(', '), 'data mono');
  add('Engine', run.engine + ', ' + plural(run.threads, 'thread', 'threads') + (run.recovered ? ', recovered records included' : ''));
  add('Timeline', run.timeline === 'car' ? 'typed CAR events only (--timeline car)' : 'every readable record' +
    (run.keep_duplicates ? ', a row per copy (--keep-duplicates)' : ', copies of an event once'));
  add('Scan time', run.started_utc + ' \u2192 ' + run.finished_utc + ' (' + Number(run.seconds).toFixed(1) + ' s)');
  add('Evidence (UTC)', summary.first_time ? summary.first_time + ' \u2192 ' + summary.last_time : 'no timestamps');
  if (run.from || run.to) add('Time filter', (run.from || 'start') + ' \u2192 ' + (run.to || 'end'));
  add('Output folder', run.output_directory, 'data mono');
}

function renderSummary(report, model) {
  const summary = report.summary;
  const body = byId('summary-body');
  body.appendChild(glanceNumbers(report, model));
  body.appendChild(levelBar(model));

  const columns = make('div', 'glance-columns');
  columns.appendChild(topRules(model));
  columns.appendChild(topHosts(model));
  columns.appendChild(couldNotLook(report));
  body.appendChild(columns);
  if (report.rules && report.rules.asked) body.appendChild(ruleLoad(report.rules));

  const lists = make('div', 'folded-lists');
  lists.appendChild(filesList(report));
  lists.appendChild(foldedCounts('records_by_host', 'Hosts', 'host', summary.records_by_host, { summary: 'records read per host' }));
  if ((report.rule_coverage || []).length) {
    lists.appendChild(foldedList({ key: 'rule_coverage_summary', title: 'Sigma rules on each host',
      summary: 'how many could look fully, partly, not at all' }, [
      { label: 'host', text: (host) => host.host || '(no host name)' },
      { label: 'fully', count: true, text: (host) => host.full },
      { label: 'partly', count: true, text: (host) => host.partly },
      { label: 'not at all', count: true, text: (host) => host.none },
      { label: 'detections', count: true, text: (host) => host.detections },
    ], report.rule_coverage.slice().sort((a, b) => a.full - b.full || compareText(a.host, b.host))));
  }
  const inTimeline = new Map(summary.timeline_by_channel || []);
  lists.appendChild(foldedCounts('records_by_channel', 'Channels', 'channel', summary.records_by_channel, {
    summary: 'records read per channel, and how many reached the timeline',
    extra: [{ label: 'in timeline', count: true, text: (pair) => inTimeline.get(pair[0]) || 0 }],
  }));
  lists.appendChild(foldedCounts('records_by_provider', 'Providers', 'provider', summary.records_by_provider));
  lists.appendChild(foldedCounts('records_by_event_id', 'Event ids', 'provider/event id', summary.records_by_event_id));
  lists.appendChild(foldedCounts('events_by_object_action', 'Events by CAR object and action', 'object/action',
    summary.events_by_object_action, { summary: 'timeline events; event/ are the generic events' }));
  lists.appendChild(foldedCounts('detections_by_analytic', 'Detections by analytic and variant', 'analytic:variant',
    summary.detections_by_analytic));
  body.appendChild(lists);
}

function glanceNumbers(report, model) {
  const summary = report.summary;
  const numbers = make('div', 'numbers');
  const filesRead = summary.files_complete + summary.files_partial;
  const number = (key, value, label, bad, text) => {
    const box = make('div', 'number' + (bad ? ' bad' : ''));
    const shown = make('span', 'value');
    appendText(shown, text !== undefined ? text : formatCount(value), true);
    shown.dataset.fact = key;
    shown.dataset.value = String(value);
    box.appendChild(shown);
    box.appendChild(make('span', 'label', label));
    numbers.appendChild(box);
    return box;
  };
  number('hosts', summary.records_by_host.length, 'hosts');
  const range = number('time_range', summary.first_time || '', 'evidence time range (UTC)', false,
    summary.first_time ? summary.first_time.slice(0, 19).replace('T', ' ') + '\n\u2192 ' + summary.last_time.slice(0, 19).replace('T', ' ') : 'no timestamps');
  range.classList.add('wide');
  number('records_read', summary.records_read, 'records read');
  number('timeline_events', summary.timeline_events, 'events in the timeline' +
    (summary.duplicate_events ? ' (' + formatCount(summary.duplicate_events) + ' copies once)' : ''));
  number('records_failed', summary.records_failed, 'records lost', summary.records_failed > 0);
  number('files_read', filesRead, 'files read' + (summary.files_partial ? ' (' + formatCount(summary.files_partial) + ' partly)' : ''));
  number('files_unreadable', summary.files_unreadable, 'files failed', summary.files_unreadable > 0);
  number('detections', model.detections.length, 'detections' + (model.groups.length ? ' in ' + plural(model.groups.length, 'group', 'groups') : ''), model.detections.length > 0);
  if (model.detections.length) {
    const time = (ms, rest) => timeText(ms, rest).slice(0, 19).replace('T', ' ');
    number('first_detection', model.first.text, 'first detection (UTC)', false, time(model.first.ms, model.first.rest)).classList.add('wide');
    number('last_detection', model.last.text, 'last detection (UTC)', false, time(model.last.ms, model.last.rest)).classList.add('wide');
  }
  const notEvaluable = report.coverage.filter((row) => !row.evaluable).length;
  number('coverage_not_evaluable', notEvaluable, 'of ' + formatCount(report.coverage.length) + ' host \u00D7 variant pairs not evaluable', notEvaluable > 0);
  if (summary.records_outside_time_range) number('records_outside_time_range', summary.records_outside_time_range, 'records outside the time filter');
  if (summary.files_skipped) number('files_skipped', summary.files_skipped, 'other files skipped');
  return numbers;
}

// Detections per level; a click shows that level's groups.
function levelBar(model) {
  const bar = make('div', 'levels');
  bar.dataset.levels = '';
  const counts = new Map();
  for (const detection of model.detections) counts.set(detection.analytic.level, (counts.get(detection.analytic.level) || 0) + 1);
  const levels = LEVELS.concat(['']);
  for (const level of levels) {
    const count = counts.get(level) || 0;
    if (level === '' && count === 0) continue;
    const chip = button('', 'level-chip level-' + (level || 'none') + (count ? '' : ' zero'), () => model.showLevel(level));
    chip.dataset.level = level;
    chip.dataset.count = String(count);
    chip.appendChild(make('span', 'level-count', formatCount(count)));
    chip.appendChild(make('span', 'level-name', levelName(level)));
    chip.disabled = count === 0;
    bar.appendChild(chip);
  }
  return bar;
}

function glanceBlock(title) {
  const block = make('div', 'glance-block');
  block.appendChild(make('h3', null, title));
  return block;
}

// A block of the glance with a small table: headers [[label, className]],
// and a function that fills a row from an entry.
function glanceTable(title, key, headers, entries, fill) {
  const block = glanceBlock(title);
  if (entries.length === 0) {
    block.appendChild(make('p', 'empty', 'No detections.'));
    return block;
  }
  const table = make('table', 'compact');
  table.dataset.table = key;
  const head = table.createTHead().insertRow();
  for (const [label, className] of headers) head.appendChild(make('th', className, label));
  const body = table.createTBody();
  for (const entry of entries) fill(body.insertRow(), entry);
  block.appendChild(table);
  return block;
}

function topRules(model) {
  const byAnalytic = new Map();
  for (const group of model.groups) {
    let entry = byAnalytic.get(group.analytic);
    if (!entry) byAnalytic.set(group.analytic, entry = { analytic: group.analytic, count: 0, hosts: new Set() });
    entry.count += group.detections.length;
    entry.hosts.add(group.host);
  }
  const top = [...byAnalytic.values()].sort((a, b) => b.count - a.count || levelRank(a.analytic.level) - levelRank(b.analytic.level)).slice(0, 10);
  return glanceTable('Top rules and analytics', 'top_rules', [['level', ''], ['rule or analytic', ''], ['hosts', 'count'], ['detections', 'count']],
    top, (row, entry) => {
      row.appendChild(levelCell(entry.analytic.level));
      const name = row.appendChild(make('td', 'data'));
      name.appendChild(button(analyticTitle(entry.analytic), 'link', () => model.showAnalytic(entry.analytic)));
      row.appendChild(make('td', 'count', formatCount(entry.hosts.size)));
      row.appendChild(make('td', 'count', formatCount(entry.count)));
    });
}

function topHosts(model) {
  const byHost = new Map();
  for (const detection of model.detections) {
    let entry = byHost.get(detection.host);
    if (!entry) byHost.set(detection.host, entry = { host: detection.host, count: 0, level: LEVELS.length });
    entry.count += 1;
    entry.level = Math.min(entry.level, levelRank(detection.analytic.level));
  }
  const top = [...byHost.values()].sort((a, b) => b.count - a.count || compareText(a.host, b.host)).slice(0, 10);
  return glanceTable('Top hosts by detections', 'top_hosts', [['host', ''], ['highest level', ''], ['detections', 'count']],
    top, (row, entry) => {
      const name = row.appendChild(make('td', 'data'));
      name.appendChild(button(entry.host === '' ? '(no host name)' : entry.host, 'link', () => model.showHost(entry.host)));
      row.appendChild(levelCell(LEVELS[entry.level] || ''));
      row.appendChild(make('td', 'count', formatCount(entry.count)));
    });
}

function levelCell(level) {
  const cell = make('td', 'nowrap');
  cell.appendChild(make('span', 'level-badge level-' + (level || 'none'), levelName(level)));
  return cell;
}

// Analytic variants not evaluable somewhere, and how much of the rules could look per host.
function couldNotLook(report) {
  const block = glanceBlock('Where the analytics and rules could not look');
  block.dataset.glance = 'could-not-look';
  const list = make('ul', 'gaps');
  const groups = coverageGroups(report).filter((group) => group.variant !== 'sigma');
  let gaps = 0;
  for (const group of groups) {
    const notEvaluable = group.rows.length - group.evaluable;
    if (notEvaluable === 0) continue;
    ++gaps;
    const item = make('li', 'gap');
    item.dataset.key = group.key;
    item.appendChild(make('span', 'data', variantTitle(group)));
    appendText(item, ': ' + evaluableText(group) + '.', false);
    list.appendChild(item);
  }
  const rules = report.rule_coverage || [];
  if (rules.length) {
    const full = rules.filter((host) => host.full === host.rules).length;
    const average = (key) => formatCount(Math.round(rules.reduce((sum, host) => sum + host[key], 0) / rules.length));
    const item = make('li', full === rules.length ? '' : 'gap');
    item.dataset.key = 'sigma';
    appendText(item, 'Sigma rules (' + formatCount(rules[0].rules) + '): all could look fully on ' + formatCount(full) + ' of ' +
      plural(rules.length, 'host', 'hosts') + '; on a host, on average, ' + average('full') + ' could look fully, ' + average('partly') +
      ' partly and ' + average('none') + ' not at all (the host logged none of the events they read).', false);
    list.appendChild(item);
    if (full < rules.length) ++gaps;
  }
  if (groups.length === 0 && rules.length === 0) {
    const none = make('p', 'problem');
    none.dataset.coverage = 'empty';
    none.appendChild(document.createTextNode('Coverage lists no host and analytic variant: this report cannot say whether the analytics could see anything.'));
    block.appendChild(none);
    return block;
  }
  if (gaps === 0) list.appendChild(make('li', null, 'Every analytic variant could look at every host.'));
  block.appendChild(list);
  const link = make('a', null, 'Coverage: every host and why');
  link.href = '#coverage';
  block.appendChild(link);
  return block;
}

// The rule files: loaded, rejected (folded, with file, line, construct and reason), skipped.
function ruleLoad(rules) {
  const block = make('div', 'rule-load');
  block.dataset.rules = '';
  const skipped = rules.skipped.reduce((sum, pair) => sum + pair[1], 0);
  const line = make('p', rules.rejected.length ? 'rule-line problem' : 'rule-line');
  appendText(line, 'Sigma rules: ' + plural(rules.loaded, 'rule', 'rules') + ' loaded from ' + plural(rules.files, 'file', 'files') +
    (rules.correlations ? ', ' + plural(rules.correlations, 'correlation', 'correlations') : '') +
    (rules.filters ? ', ' + plural(rules.filters, 'filter', 'filters') : '') +
    '; ' + formatCount(rules.rejected.length) + ' rejected' +
    (skipped ? '; ' + formatCount(skipped) + ' skipped (' + rules.skipped.map((pair) => pair[0] + ': ' + formatCount(pair[1])).join(', ') + ')' : '') + '.', false);
  line.dataset.loaded = String(rules.loaded);
  line.dataset.rejected = String(rules.rejected.length);
  block.appendChild(line);
  if (rules.rejected.length) {
    block.appendChild(foldedList({ key: 'rejected_rules', title: 'Rejected rules', summary: 'each with the construct evtxcar refused' }, [
      { label: 'file', text: (rule) => rule.file + (rule.line ? ':' + rule.line : ''), className: 'data mono', key: 'file' },
      { label: 'rule', text: (rule) => rule.title || rule.rule, key: 'rule' },
      { label: 'construct', text: (rule) => rule.construct, className: 'data mono', key: 'construct' },
      { label: 'reason', text: (rule) => rule.reason, key: 'reason' },
    ], rules.rejected));
  }
  return block;
}

function filesList(report) {
  const files = report.files;
  const paths = displayPaths(report);
  const rows = files.map((file, index) => Object.assign({ display: paths[index] }, file));
  const partial = files.filter((file) => file.status === 'partial').length;
  const unreadable = files.filter((file) => file.status === 'unreadable').length;
  return foldedList({
    key: 'files', title: 'Files', empty: 'No .evtx file was found.',
    summary: partial || unreadable ? formatCount(partial) + ' partly read, ' + formatCount(unreadable) + ' unreadable' : 'all read completely',
    rowClass: (file) => (file.status === 'complete' ? '' : 'problem-row'),
  }, [
    { label: 'file', text: (file) => file.display, className: 'data mono', key: 'path' },
    { label: 'status', text: (file) => file.status, className: 'nowrap', key: 'status' },
    { label: 'records read', count: true, text: (file) => file.records_read },
    { label: 'records failed', count: true, text: (file) => file.records_failed },
    { label: 'first event (UTC)', text: (file) => file.first_time, className: 'mono nowrap' },
    { label: 'last event (UTC)', text: (file) => file.last_time, className: 'mono nowrap' },
    { label: 'reason', text: (file) => file.reason, key: 'reason' },
  ], rows);
}
