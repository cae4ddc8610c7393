// detections.js: the detections grouped by rule (or analytic variant) and
// host, with count, first and last seen, the distinct processes and remote
// endpoints, most severe level first; a group opens to its detections, each
// with its context card (parent -> process -> connections), and shows its
// events in the timeline with one click.

// The detections, resolved against the timeline rows, and their groups.
function buildDetectionModel(report, data) {
  const analytics = report.analytics || [];
  const reasons = report.reasons || [];
  const detached = report.detection_events || [];

  // An event a detection refers to: a timeline row (ref >= 0) or one of detection_events.
  function resolve(ref) {
    if (ref >= 0) {
      const shape = data.shape(ref);
      return {
        row: ref, host: shape.host, object: shape.object, action: shape.action, file: shape.file,
        channel: shape.channel, eventId: shape.eventId, recordId: String(data.recordId[ref]),
        ms: data.milliseconds[ref], rest: data.rest[ref], timeText: data.time(ref),
        fields: () => new Map(data.fields(ref)),
      };
    }
    const event = detached[-1 - ref];
    const [ms, rest] = ticksToParts(event.time);
    return {
      row: null, host: event.host, object: event.object, action: event.action, file: event.file,
      channel: event.channel, eventId: event.event_id, recordId: event.record_id, ms, rest, timeText: event.time_text,
      fields: () => new Map(event.fields),
    };
  }

  const detections = report.detections.map((entry, index) => {
    const event = resolve(entry.event);
    return {
      index, analytic: analytics[entry.analytic], reason: reasons[entry.reason], event, host: event.host,
      process: entry.process === null ? null : resolve(entry.process),
      connections: entry.connections.map(resolve),
    };
  });
  const model = { detections, groups: [], first: null, last: null };
  for (const detection of detections) {
    const event = detection.event;
    if (!model.first || compareTime(event.ms, event.rest, model.first.ms, model.first.rest) < 0) model.first = { ms: event.ms, rest: event.rest, text: event.timeText };
    if (!model.last || compareTime(event.ms, event.rest, model.last.ms, model.last.rest) > 0) model.last = { ms: event.ms, rest: event.rest, text: event.timeText };
  }
  model.groups = groupDetections(detections, 'rule-host');
  // Set by renderDetections: what the summary's links do.
  model.showLevel = () => {};
  model.showAnalytic = () => {};
  model.showHost = () => {};
  return model;
}

// by: 'rule-host', 'rule' or 'host'.
function groupDetections(detections, by) {
  const groups = new Map();
  for (const detection of detections) {
    const key = (by === 'host' ? '' : detection.analytic.label) + '\u0000' + (by === 'rule' ? '' : detection.host);
    let group = groups.get(key);
    if (!group) {
      group = { key, by, analytic: by === 'host' ? null : detection.analytic, host: by === 'rule' ? null : detection.host,
        detections: [], first: detection.event, last: detection.event, level: LEVELS.length, hosts: new Set(), analytics: new Set() };
      groups.set(key, group);
    }
    group.detections.push(detection);
    group.hosts.add(detection.host);
    group.analytics.add(detection.analytic.label);
    group.level = Math.min(group.level, levelRank(detection.analytic.level));
    const event = detection.event;
    if (compareTime(event.ms, event.rest, group.first.ms, group.first.rest) < 0) group.first = event;
    if (compareTime(event.ms, event.rest, group.last.ms, group.last.rest) > 0) group.last = event;
  }
  return [...groups.values()].sort((a, b) => a.level - b.level ||
    compareTime(a.first.ms, a.first.rest, b.first.ms, b.first.rest) || compareText(a.key, b.key));
}

function analyticTitle(analytic) {
  if (analytic.variant === 'sigma') return analytic.name || analytic.id;
  return analytic.id + (analytic.name ? ' ' + analytic.name : '') + ', variant ' + analytic.variant;
}

function remoteEnd(fields) {
  const inbound = /^in/i.test(fields.get('network_direction') || '');
  const address = inbound ? fields.get('src_ip') : fields.get('dest_ip');
  const port = inbound ? fields.get('src_port') : fields.get('dest_port');
  const name = inbound ? fields.get('src_hostname') : fields.get('dest_hostname');
  return (address || '?') + (port ? ':' + port : '') + (name ? ' (' + name + ')' : '');
}

// The other end of an event, when it has one: a flow's remote address, a logon's client.
function endpointOf(object, fields) {
  if (object === 'flow') return remoteEnd(fields);
  const address = fields.get('src_ip') || fields.get('dest_ip');
  if (!address || address === '-' || address === '::1' || address === '127.0.0.1') return null;
  const port = fields.get('src_ip') ? fields.get('src_port') : fields.get('dest_port');
  return address + (port && port !== '0' ? ':' + port : '');
}

// Distinct processes and remote endpoints of a group, worked out when first shown.
function groupFacts(group) {
  if (group.facts) return group.facts;
  const processes = new Map();
  const endpoints = new Set();
  for (const detection of group.detections) {
    const eventFields = detection.event.fields();
    const fields = detection.process ? detection.process.fields() : eventFields;
    const image = fields.get('image_path') || fields.get('exe') || eventFields.get('image_path') || eventFields.get('exe') || '';
    const pid = fields.get('pid') || eventFields.get('pid') || '';
    if (image || pid) {
      const key = detection.host + '\u0000' + (fields.get('guid') || eventFields.get('guid') || image + '\u0000' + pid);
      if (!processes.has(key)) processes.set(key, (image ? baseName(image) : '?') + (pid ? ' (' + pid + ')' : ''));
    }
    const own = endpointOf(detection.event.object, eventFields);
    if (own) endpoints.add(own);
    for (const connection of detection.connections) {
      const end = endpointOf('flow', connection.fields());
      if (end) endpoints.add(end);
    }
  }
  group.facts = { processes: [...processes.values()], endpoints: [...endpoints] };
  return group.facts;
}

// A few of the values, each cut short (a service's "image" can be a whole script); the title has them all.
function someOf(values) {
  if (values.length === 0) return '\u2014';
  const cut = (value) => (value.length > 60 ? value.slice(0, 57) + '\u2026' : value);
  const shown = values.slice(0, 3).map(cut).join(', ');
  return values.length > 3 ? shown + ' and ' + formatCount(values.length - 3) + ' more' : shown;
}

const GROUP_PAGE = 30;
const CARD_PAGE = 20;

function renderDetections(report, model, files, timeline) {
  const body = byId('detections-body');
  body.appendChild(coverageStatus(report));
  if (model.detections.length === 0) {
    body.appendChild(make('p', 'empty', 'No detections.'));
    return;
  }
  const state = { by: 'rule-host', level: null, analytic: null, host: null, text: '' };

  const tools = make('div', 'detection-tools screen-only');
  const byLabel = make('label', null, 'Group by ');
  const by = make('select');
  by.id = 'detections-by';
  for (const [value, label] of [['rule-host', 'rule and host'], ['rule', 'rule'], ['host', 'host']]) {
    const option = make('option', null, label);
    option.value = value;
    by.appendChild(option);
  }
  byLabel.appendChild(by);
  tools.appendChild(byLabel);
  const levelLabel = make('label', null, 'Level ');
  const levelSelect = make('select');
  levelSelect.id = 'detections-level';
  const allLevels = make('option', null, 'all levels');
  allLevels.value = '*';
  levelSelect.appendChild(allLevels);
  for (const level of LEVELS.concat([''])) {
    const count = model.detections.filter((detection) => detection.analytic.level === level).length;
    if (count === 0) continue;
    const option = make('option', null, levelName(level) + ' (' + formatCount(count) + ')');
    option.value = level;
    levelSelect.appendChild(option);
  }
  levelLabel.appendChild(levelSelect);
  tools.appendChild(levelLabel);
  const filter = make('input');
  filter.type = 'search';
  filter.id = 'detections-filter';
  filter.placeholder = 'rule, host, technique';
  filter.autocomplete = 'off';
  filter.spellcheck = false;
  filter.setAttribute('aria-label', 'Filter the detections');
  tools.appendChild(filter);
  const clear = button('Show all', null, () => set({ level: null, analytic: null, host: null, text: '' }));
  tools.appendChild(clear);
  const count = make('span', 'detection-count');
  count.id = 'detections-count';
  tools.appendChild(count);
  body.appendChild(tools);

  const table = make('table', 'groups');
  table.dataset.table = 'detection_groups';
  const head = table.createTHead().insertRow();
  for (const [label, className] of [['', ''], ['level', ''], ['rule or analytic', ''], ['host', ''], ['detections', 'count'],
    ['first seen (UTC)', ''], ['last seen (UTC)', ''], ['processes', ''], ['remote endpoints', ''], ['', '']]) {
    head.appendChild(make('th', className, label));
  }
  const rows = table.createTBody();
  body.appendChild(table);
  const more = button('', 'groups-more');
  body.appendChild(more);

  let groups = [];
  let drawn = 0;
  function matches(detection) {
    if (state.level !== null && detection.analytic.level !== state.level) return false;
    if (state.analytic !== null && detection.analytic.label !== state.analytic) return false;
    if (state.host !== null && detection.host !== state.host) return false;
    if (state.text) {
      const analytic = detection.analytic;
      const text = [analytic.id, analytic.name, analytic.variant, analytic.technique, analytic.tactics, analytic.level,
        analytic.rule_path, detection.host].join('\n').toLowerCase();
      if (!text.includes(state.text)) return false;
    }
    return true;
  }
  function apply() {
    by.value = state.by;
    levelSelect.value = state.level === null ? '*' : state.level;
    filter.value = state.text;
    const chosen = model.detections.filter(matches);
    groups = groupDetections(chosen, state.by);
    rows.textContent = '';
    drawn = 0;
    drawGroups();
    setText(count, plural(groups.length, 'group', 'groups') + ', ' + plural(chosen.length, 'detection', 'detections') +
      (chosen.length < model.detections.length ? ' of ' + formatCount(model.detections.length) : ''));
    count.dataset.groups = String(groups.length);
    count.dataset.detections = String(chosen.length);
  }
  function set(changes) {
    Object.assign(state, changes);
    apply();
  }
  function drawGroups() {
    const end = Math.min(groups.length, drawn + GROUP_PAGE);
    for (; drawn < end; ++drawn) drawGroup(groups[drawn]);
    more.hidden = drawn >= groups.length;
    setText(more, 'Show ' + formatCount(Math.min(GROUP_PAGE, groups.length - drawn)) + ' more of ' + formatCount(groups.length - drawn) + ' groups');
  }
  more.addEventListener('click', drawGroups);

  function drawGroup(group) {
    const row = rows.insertRow();
    row.className = 'group level-row-' + (LEVELS[group.level] || 'none');
    row.dataset.analytic = group.analytic ? group.analytic.label : '';
    row.dataset.host = group.host === null ? '' : group.host;
    row.dataset.count = String(group.detections.length);
    const toggleCell = row.insertCell();
    const toggle = button('\u25B8', 'group-toggle');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-label', 'Show the detections of this group');
    toggleCell.appendChild(toggle);
    row.appendChild(levelCell(LEVELS[group.level] || ''));
    const title = row.appendChild(make('td', 'data group-title'));
    if (group.analytic) {
      title.appendChild(make('span', 'group-name', analyticTitle(group.analytic)));
      const facts = [group.analytic.variant === 'sigma' ? group.analytic.id : '', group.analytic.technique].filter(Boolean).join(' \u00B7 ');
      if (facts) title.appendChild(make('small', 'mono', facts));
    } else {
      title.appendChild(make('span', 'group-name', plural(group.analytics.size, 'rule or analytic', 'rules and analytics')));
    }
    row.appendChild(make('td', 'data group-host', group.host === null ? plural(group.hosts.size, 'host', 'hosts') : (group.host || '(no host name)')));
    row.appendChild(make('td', 'count group-count', formatCount(group.detections.length)));
    for (const seen of [group.first, group.last]) {
      const cell = row.appendChild(make('td', 'mono nowrap', seen.timeText.slice(0, 19).replace('T', ' ')));
      cell.title = seen.timeText;
      cell.dataset.time = seen.timeText;
    }
    const facts = groupFacts(group);
    const processes = row.appendChild(make('td', 'data group-processes', facts.processes.length ? formatCount(facts.processes.length) + ': ' + someOf(facts.processes) : '\u2014'));
    processes.dataset.count = String(facts.processes.length);
    if (facts.processes.length) processes.title = visibleText(facts.processes.join('\n'));
    const endpoints = row.appendChild(make('td', 'data group-endpoints', facts.endpoints.length ? formatCount(facts.endpoints.length) + ': ' + someOf(facts.endpoints) : '\u2014'));
    endpoints.dataset.count = String(facts.endpoints.length);
    if (facts.endpoints.length) endpoints.title = visibleText(facts.endpoints.join('\n'));
    const actions = row.insertCell();
    const inTimeline = group.detections.filter((detection) => detection.event.row !== null).map((detection) => detection.event.row);
    const show = button('Events', 'group-events', () => timeline.showRows(inTimeline, describeGroup(group)));
    show.title = 'Show the ' + plural(inTimeline.length, 'event', 'events') + ' of this group in the timeline';
    show.disabled = inTimeline.length === 0;
    actions.appendChild(show);

    let detail = null;
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      setText(toggle, open ? '\u25BE' : '\u25B8');
      if (!open) {
        if (detail) detail.hidden = true;
        return;
      }
      if (!detail) {
        detail = document.createElement('tr');
        detail.className = 'group-detail';
        const cell = detail.insertCell();
        cell.colSpan = 10;
        drawCards(cell, group.detections);
        row.after(detail);
      }
      detail.hidden = false;
    });
  }

  function drawCards(cell, detections) {
    const list = make('div', 'cards');
    cell.appendChild(list);
    const moreCards = button('', 'cards-more');
    cell.appendChild(moreCards);
    let shown = 0;
    const page = () => {
      const end = Math.min(detections.length, shown + CARD_PAGE);
      for (; shown < end; ++shown) list.appendChild(detectionCard(detections[shown], files, timeline));
      moreCards.hidden = shown >= detections.length;
      setText(moreCards, 'Show ' + formatCount(Math.min(CARD_PAGE, detections.length - shown)) + ' more of ' +
        formatCount(detections.length - shown) + ' detections');
    };
    moreCards.addEventListener('click', page);
    page();
  }

  by.addEventListener('change', () => set({ by: by.value }));
  levelSelect.addEventListener('change', () => set({ level: levelSelect.value === '*' ? null : levelSelect.value }));
  let timer = 0;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => set({ text: filter.value.trim().toLowerCase() }), 150);
  });
  const reveal = () => byId('detections').scrollIntoView();
  model.showLevel = (level) => { set({ level, analytic: null, host: null, text: '' }); reveal(); };
  model.showAnalytic = (analytic) => { set({ level: null, analytic: analytic.label, host: null, text: '', by: 'rule-host' }); reveal(); };
  model.showHost = (host) => { set({ level: null, analytic: null, host, text: '', by: 'rule-host' }); reveal(); };
  apply();
}

function describeGroup(group) {
  const what = group.analytic ? analyticTitle(group.analytic) : 'every rule';
  const where = group.host === null ? 'every host' : (group.host || '(no host name)');
  return 'detections of ' + what + ' on ' + where;
}

// ---------------------------------------------------------------- cards
function definitions(pairs) {
  const list = make('dl');
  for (const [label, text, key] of pairs) {
    if (text === undefined || text === '') continue;
    list.appendChild(make('dt', null, label));
    const value = make('dd', 'data');
    appendText(value, text, true);
    if (key) value.dataset.key = key;
    list.appendChild(value);
  }
  if (!list.firstChild) list.appendChild(make('dd', 'empty', 'not logged'));
  return list;
}

function chainStep(title, content) {
  const step = make('div', 'step');
  step.appendChild(make('h4', null, title));
  step.appendChild(content);
  return step;
}

function detectionCard(detection, files, timeline) {
  const event = detection.event;
  const analytic = detection.analytic;
  const eventFields = event.fields();
  // The process: its process/create when logged, else what the event says of it.
  const processFields = detection.process ? detection.process.fields() : eventFields;
  const card = make('article', 'detection level-card-' + (analytic.level || 'none'));
  card.dataset.index = String(detection.index);

  const header = make('header');
  header.appendChild(make('span', 'title det-analytic', analytic.id + ' ' + analytic.name));
  header.appendChild(make('span', 'variant det-variant', analytic.variant));
  if (analytic.level) header.appendChild(make('span', 'level-badge level-' + analytic.level + ' det-level', analytic.level));
  header.appendChild(make('span', 'det-technique', analytic.technique));
  header.appendChild(make('span', 'mono det-time', event.timeText));
  header.appendChild(make('span', 'data det-host', event.host));
  card.appendChild(header);
  card.appendChild(make('p', 'reason data', detection.reason));
  if (analytic.variant === 'sigma' || analytic.rule_path) {
    const rule = make('p', 'rule-facts');
    const facts = [['status', analytic.status], ['tactics', analytic.tactics], ['rule file', analytic.rule_path]];
    for (const [label, text] of facts) {
      if (!text) continue;
      rule.appendChild(make('span', 'muted', label + ' '));
      rule.appendChild(make('span', label === 'rule file' ? 'data mono det-rule-path' : 'data', text));
      rule.appendChild(document.createTextNode('  '));
    }
    if (rule.firstChild) card.appendChild(rule);
  }

  const chain = make('div', 'chain');
  chain.appendChild(chainStep('Parent process', definitions([
    ['image', processFields.get('parent_image_path'), 'parent_image_path'],
    ['command line', processFields.get('parent_command_line'), 'parent_command_line'],
    ['pid', processFields.get('ppid')],
  ])));
  chain.appendChild(make('span', 'arrow', '\u2192'));
  chain.appendChild(chainStep('Process', definitions([
    ['image', processFields.get('image_path') || eventFields.get('image_path'), 'image_path'],
    ['command line', processFields.get('command_line'), 'command_line'],
    ['user', processFields.get('user') || eventFields.get('user'), 'user'],
    ['integrity', processFields.get('integrity_level'), 'integrity_level'],
    ['pid', processFields.get('pid') || eventFields.get('pid')],
    ['guid', processFields.get('guid') || eventFields.get('guid')],
    ['started', detection.process ? detection.process.timeText : undefined],
  ])));
  chain.appendChild(make('span', 'arrow', '\u2192'));
  const connections = make('ul', 'connections');
  const flows = detection.connections.length ? detection.connections : (event.object === 'flow' ? [event] : []);
  for (const flow of flows) {
    const fields = flow.fields();
    const item = make('li', 'data');
    const direction = fields.get('network_direction') || 'connection';
    appendText(item, direction + ' ' + (fields.get('transport_protocol') || '') + ' ' + remoteEnd(fields) + ' at ' + flow.timeText, false);
    item.dataset.key = 'connection';
    connections.appendChild(item);
  }
  if (!connections.firstChild) connections.appendChild(make('li', 'empty', 'none logged'));
  chain.appendChild(chainStep('Connections', connections));
  card.appendChild(chain);

  const footer = make('footer');
  const file = files[event.file];
  const source = make('span', 'data mono det-file', file ? file.display : '(unknown file)');
  source.dataset.path = file ? file.path : '';
  source.title = file ? visibleText(file.path) : '';
  footer.appendChild(source);
  footer.appendChild(make('span', 'det-record', 'record ' + event.recordId));
  footer.appendChild(make('span', 'data', event.channel + ' / event ' + event.eventId));
  if (event.row !== null) {
    footer.appendChild(button('Show in timeline', 'det-jump', () => timeline.jumpTo(event.row)));
  } else {
    footer.appendChild(make('span', 'empty', 'not among the timeline rows of this report (timeline.csv has it)'));
  }
  card.appendChild(footer);
  return card;
}
