// evtxcar report.html: builds the page from the data embedded in it.
//
// Everything shown comes from logs and is attacker-controlled: it only ever
// reaches the page as text (createTextNode / textContent), never as markup,
// and never as an attribute the browser would act on. Control and
// direction-changing characters are shown as marked code points.
(() => {
  'use strict';

  // ---------------------------------------------------------------- text
  const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
  const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
  const CONTROL_NAMES = { '\n': '\u21B5', '\t': '\u21E5', '\r': 'CR' };

  function controlName(character) {
    if (CONTROL_NAMES[character]) return CONTROL_NAMES[character];
    return 'U+' + character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  }

  // Appends text; control characters become marked code points. With
  // `multiline`, line breaks and tabs stay what they are.
  function appendText(parent, text, multiline) {
    if (!CONTROL_CHARACTER.test(text)) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    let last = 0;
    for (const match of text.matchAll(CONTROL_CHARACTERS)) {
      const character = match[0];
      if (multiline && (character === '\n' || character === '\t')) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      const marker = document.createElement('span');
      marker.className = 'control';
      marker.textContent = controlName(character);
      parent.appendChild(marker);
      last = match.index + character.length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // The text with control characters written out, for places that take
  // plain text only (option labels, tooltips).
  function visibleText(text) {
    return String(text).replace(CONTROL_CHARACTERS, (character) => '[' + controlName(character) + ']');
  }

  function setText(node, text, multiline) {
    node.textContent = '';
    appendText(node, String(text), multiline);
  }

  // A new element; `text`, when given, is its content.
  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) appendText(node, String(text), false);
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function formatCount(value) {
    return Number(value).toLocaleString('en-US');
  }

  function plural(count, one, many) {
    return formatCount(count) + ' ' + (Number(count) === 1 ? one : many);
  }

  function baseName(path) {
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return cut >= 0 ? path.slice(cut + 1) : path;
  }

  // Command lines as a shell would take them back.
  function quoteArgument(argument) {
    return /^[A-Za-z0-9_@%+=:,./\\-]+$/.test(argument) ? argument : "'" + argument.replace(/'/g, "'\\''") + "'";
  }

  // ---------------------------------------------------------------- time
  // Times are FILETIME ticks (100 ns since 1601). In the page a time is a
  // pair: milliseconds since 1970 and the ticks within that millisecond.
  const UNIX_EPOCH_TICKS = 116444736000000000n;

  function ticksToParts(ticks) {
    const sinceEpoch = BigInt(ticks) - UNIX_EPOCH_TICKS;
    let milliseconds = sinceEpoch / 10000n;
    let rest = sinceEpoch % 10000n;
    if (rest < 0n) {
      milliseconds -= 1n;
      rest += 10000n;
    }
    return [Number(milliseconds), Number(rest)];
  }

  function timeText(milliseconds, rest) {
    const date = new Date(milliseconds);
    if (Number.isNaN(date.getTime())) return '(time out of range)';
    const iso = date.toISOString();
    return iso.slice(0, iso.length - 1) + String(rest).padStart(4, '0') + 'Z';
  }

  function compareTime(msA, restA, msB, restB) {
    return msA !== msB ? msA - msB : restA - restB;
  }

  // "YYYY-MM-DD", "YYYY-MM-DDThh:mm", "...:ss", "...:ss.fffffff", optional Z: UTC.
  function parseTime(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?Z?$/.exec(text.trim());
    if (!match) return null;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part || 0));
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, 0);
    const fraction = (match[7] || '').padEnd(7, '0');
    return [date.getTime() + Number(fraction.slice(0, 3)), Number(fraction.slice(3))];
  }

  // ---------------------------------------------------------------- data
  function readData(id) {
    const node = byId(id);
    if (!node) throw new Error('the report has no ' + id + ' data');
    return JSON.parse(node.textContent);
  }

  // The timeline rows, decoded once into arrays (see timeline_row_encoder.hpp
  // for the layout).
  function decodeTimeline(report, entries) {
    const tables = report.timeline;
    // CAR field names, then the payload names of generic events (numbers from tables.fields.length on).
    const fieldNames = tables.fields.concat(tables.payload_fields || []);
    const fieldNumber = new Map(tables.fields.map((name, index) => [name, index]));
    const strings = tables.strings;
    const files = report.files;
    const shapes = [];

    function addShape(encoded) {
      const [host, object, action, file, channel, provider, eventId, analytics, fields] = encoded;
      const position = new Int16Array(fieldNames.length).fill(-1);
      fields.forEach((field, index) => { position[field] = index; });
      const path = files[file] ? files[file].path : '';
      shapes.push({
        host, object, action, file, channel, provider, eventId, analytics, fields, position, path,
        // A generic event (no CAR object) goes by its channel and event id.
        event: object === 'event' && action === '' ? (channel || provider) + ' ' + eventId : object + '/' + action,
        searchText: [host, object + '/' + action, channel, provider, String(eventId), analytics.join(' '), path]
          .join('\n').toLowerCase(),
      });
      return shapes.length - 1;
    }
    tables.shapes.forEach(addShape);

    const count = entries.length;
    const GAP = 0xFFFFFFFF;
    const shapeOf = new Uint32Array(count);
    const milliseconds = new Float64Array(count);
    const rest = new Uint16Array(count);
    const recordId = new Array(count);
    const previousRecordId = new Map();
    let [currentMs, currentRest] = ticksToParts(tables.base_time);
    let events = 0;
    for (let i = 0; i < count; ++i) {
      const entry = entries[i];
      if (typeof entry === 'number') {
        shapeOf[i] = GAP;
        milliseconds[i] = currentMs;
        rest[i] = currentRest;
        recordId[i] = entry;  // for a gap: how many events it stands for
        continue;
      }
      ++events;
      const delta = entry[0];
      if (typeof delta === 'number') {
        const sum = currentRest + delta;
        currentMs += Math.floor(sum / 10000);
        currentRest = sum % 10000;
      } else {
        [currentMs, currentRest] = ticksToParts(delta);
      }
      milliseconds[i] = currentMs;
      rest[i] = currentRest;
      let shape = entry[2];
      if (typeof shape !== 'number') shape = addShape(shape);
      shapeOf[i] = shape;
      const file = shapes[shape].file;
      const record = entry[1];
      if (typeof record === 'number') {
        const id = (previousRecordId.get(file) || 0) + record;
        previousRecordId.set(file, id);
        recordId[i] = id;
      } else {
        previousRecordId.set(file, Number(record));
        recordId[i] = record;
      }
    }

    const hostnameField = fieldNumber.get('hostname');
    return {
      entries, strings, shapes, fieldNames, fieldNumber, shapeOf, milliseconds, rest, recordId, count, events,
      isGap: (i) => shapeOf[i] === GAP,
      shape: (i) => shapes[shapeOf[i]],
      // The text of field `field` (a number) in row i, or ''.
      value(i, field) {
        const shape = shapes[shapeOf[i]];
        if (field === hostnameField) return shape.host;
        const position = shape.position[field];
        if (position < 0) return '';
        const value = entries[i][3 + position];
        return typeof value === 'number' ? strings[value] : value;
      },
      // [[field name, text], ...] of row i, in the data model's order.
      fields(i) {
        const shape = shapes[shapeOf[i]];
        const out = [];
        if (shape.host !== '') out.push(['hostname', shape.host]);
        shape.fields.forEach((field, position) => {
          const value = entries[i][3 + position];
          out.push([fieldNames[field], typeof value === 'number' ? strings[value] : value]);
        });
        return out;
      },
      time: (i) => timeText(milliseconds[i], rest[i]),
    };
  }

  // ---------------------------------------------------------------- header
  function renderRun(report) {
    const run = report.run;
    const summary = report.summary;
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
    add('Scan time', run.started_utc + ' \u2192 ' + run.finished_utc + ' (' + Number(run.seconds).toFixed(1) + ' s)');
    add('Evidence (UTC)', summary.first_time ? summary.first_time + ' \u2192 ' + summary.last_time : 'no timestamps');
    if (run.from || run.to) add('Time filter', (run.from || 'start') + ' \u2192 ' + (run.to || 'end'));
    add('Output folder', run.output_directory, 'data mono');
  }

  // ---------------------------------------------------------------- summary
  function countTable(caption, rows, key, nameHeader) {
    const wrapper = make('div');
    wrapper.appendChild(make('h3', null, caption));
    if (rows.length === 0) {
      wrapper.appendChild(make('p', 'empty', 'none'));
      return wrapper;
    }
    const table = make('table');
    table.dataset.table = key;
    const head = table.createTHead().insertRow();
    head.appendChild(make('th', null, nameHeader));
    head.appendChild(make('th', 'count', 'count'));
    const body = table.createTBody();
    for (const [name, count] of rows) {
      const row = body.insertRow();
      row.appendChild(make('td', 'data', name === '' ? '(none)' : name)).dataset.name = name;
      const cell = row.appendChild(make('td', 'count', formatCount(count)));
      cell.dataset.count = String(count);
    }
    wrapper.appendChild(table);
    return wrapper;
  }

  function byCountDescending(pairs) {
    return pairs.slice().sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  function renderSummary(report) {
    const summary = report.summary;
    const body = byId('summary-body');
    const numbers = make('div', 'numbers');
    const filesRead = summary.files_complete + summary.files_partial;
    const detections = report.detections.length;
    const number = (key, value, label, bad) => {
      const box = make('div', 'number' + (bad ? ' bad' : ''));
      const shown = make('span', 'value', formatCount(value));
      shown.dataset.fact = key;
      shown.dataset.value = String(value);
      box.appendChild(shown);
      box.appendChild(make('span', 'label', label));
      numbers.appendChild(box);
    };
    number('files_read', filesRead, 'files read' + (summary.files_partial ? ' (' + formatCount(summary.files_partial) + ' partly)' : ''));
    number('files_unreadable', summary.files_unreadable, 'files failed', summary.files_unreadable > 0);
    number('records_read', summary.records_read, 'records read');
    number('records_failed', summary.records_failed, 'records failed', summary.records_failed > 0);
    number('timeline_events', summary.timeline_events, 'events in the timeline');
    number('hosts', summary.records_by_host.length, 'hosts');
    number('detections', detections, 'detections', detections > 0);
    const notEvaluable = report.coverage.filter((row) => !row.evaluable).length;
    number('coverage_not_evaluable', notEvaluable, 'of ' + formatCount(report.coverage.length) + ' host \u00D7 variant pairs not evaluable', notEvaluable > 0);
    if (summary.records_outside_time_range) number('records_outside_time_range', summary.records_outside_time_range, 'records outside the time filter');
    if (summary.files_skipped) number('files_skipped', summary.files_skipped, 'other files skipped');
    body.appendChild(numbers);

    const tables = make('div', 'tables');
    tables.appendChild(countTable('Events by CAR object and action', byCountDescending(summary.events_by_object_action), 'events_by_object_action', 'object/action'));
    tables.appendChild(countTable('Detections by analytic and variant', byCountDescending(summary.detections_by_analytic), 'detections_by_analytic', 'analytic:variant'));
    tables.appendChild(countTable('Records by host', byCountDescending(summary.records_by_host), 'records_by_host', 'host'));
    body.appendChild(tables);

    body.appendChild(filesTable(report.files));

    const more = make('details');
    more.appendChild(make('summary', null, 'Records by channel, provider and event id'));
    const moreTables = make('div', 'tables');
    moreTables.appendChild(countTable('Channels', byCountDescending(summary.records_by_channel), 'records_by_channel', 'channel'));
    moreTables.appendChild(countTable('Providers', byCountDescending(summary.records_by_provider), 'records_by_provider', 'provider'));
    moreTables.appendChild(countTable('Event ids', byCountDescending(summary.records_by_event_id), 'records_by_event_id', 'provider/event id'));
    more.appendChild(moreTables);
    body.appendChild(more);
  }

  function filesTable(files) {
    const wrapper = make('div');
    wrapper.appendChild(make('h3', null, 'Files (' + formatCount(files.length) + ')'));
    if (files.length === 0) {
      wrapper.appendChild(make('p', 'empty', 'No .evtx file was found.'));
      return wrapper;
    }
    const table = make('table');
    table.dataset.table = 'files';
    const head = table.createTHead().insertRow();
    for (const [label, className] of [['file', ''], ['status', ''], ['records read', 'count'], ['records failed', 'count'], ['first event (UTC)', ''], ['last event (UTC)', ''], ['reason', '']]) {
      head.appendChild(make('th', className, label));
    }
    const body = table.createTBody();
    for (const file of files) {
      const row = body.insertRow();
      row.appendChild(make('td', 'data mono', file.path));
      row.appendChild(make('td', file.status === 'complete' ? 'nowrap' : 'nowrap problem', file.status));
      row.appendChild(make('td', 'count', formatCount(file.records_read)));
      row.appendChild(make('td', 'count', formatCount(file.records_failed)));
      row.appendChild(make('td', 'mono nowrap', file.first_time));
      row.appendChild(make('td', 'mono nowrap', file.last_time));
      row.appendChild(make('td', 'data', file.reason));
    }
    wrapper.appendChild(table);
    return wrapper;
  }

  // ---------------------------------------------------------------- activity
  const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG_NAMESPACE, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    return node;
  }

  function renderActivity(report, onBucket) {
    const activity = report.activity;
    const body = byId('activity-body');
    const buckets = activity.buckets;
    const hosts = activity.hosts.filter((host) => host.events.some((count) => count > 0));
    if (hosts.length === 0) {
      body.appendChild(make('p', 'empty', 'No events in the timeline.'));
      return;
    }
    const start = BigInt(activity.start);
    const width = BigInt(activity.bucket_ticks);
    const bucketStart = (index) => start + width * BigInt(index);
    const bucketText = (index) => timeText(...ticksToParts(bucketStart(index)));

    const chartWidth = 960;  // drawing units; the chart stretches to the width it gets
    const barWidth = chartWidth / buckets;
    const chartHeight = 44;
    const markHeight = 6;

    if (report.timeline.capped) {
      body.appendChild(make('p', 'notice', 'The bars count every event of the scan; the timeline below holds only ' +
        formatCount(report.timeline.rows) + ' of them (see the note there).'));
    }
    const axis = make('div', 'activity-axis');
    axis.appendChild(make('span', null, bucketText(0)));
    axis.appendChild(make('span', null, 'bucket: ' + durationText(Number(width) / 1e7)));
    axis.appendChild(make('span', null, bucketText(buckets)));
    body.appendChild(axis);

    hosts.sort((a, b) => (a.other - b.other) || total(b.events) - total(a.events) || (a.host < b.host ? -1 : 1));
    // The busiest hosts first; the others behind a button.
    const firstShown = 20;
    let container = body;
    hosts.forEach((host, position) => {
      if (position === firstShown) {
        container = make('div');
        container.hidden = true;
        const more = make('button', null, 'Show the other ' + plural(hosts.length - firstShown, 'host', 'hosts'));
        more.type = 'button';
        more.addEventListener('click', () => { container.hidden = false; more.hidden = true; });
        body.appendChild(more);
        body.appendChild(container);
      }
      const row = make('div', 'activity-host');
      row.dataset.host = host.other ? '' : host.host;
      const label = make('div', 'activity-label data');
      const name = host.other ? '(other hosts)' : (host.host === '' ? '(no host name)' : host.host);
      label.appendChild(make('span', null, name));
      label.title = visibleText(name);
      const hits = total(host.hits);
      const peak = Math.max(...host.events);
      label.appendChild(make('small', null, plural(total(host.events), 'event', 'events') + (hits ? ', ' + plural(hits, 'hit', 'hits') : '') + ', peak ' + formatCount(peak)));
      row.appendChild(label);

      const chart = svg('svg', { class: 'activity-chart', viewBox: '0 0 ' + chartWidth + ' ' + chartHeight, preserveAspectRatio: 'none', role: 'img' });
      chart.appendChild(svg('rect', { class: 'frame', x: 0, y: markHeight, width: chartWidth, height: chartHeight - markHeight }));
      const title = svg('title', {});
      title.textContent = visibleText(name) + ': events per ' + durationText(Number(width) / 1e7);
      chart.appendChild(title);
      for (let index = 0; index < buckets; ++index) {
        const count = host.events[index];
        if (count === 0) continue;
        const x = index * barWidth;
        const height = Math.max(1.5, (chartHeight - markHeight) * count / peak);
        const bucketHits = host.hits[index];
        chart.appendChild(svg('rect', { class: bucketHits ? 'bar hit' : 'bar', x: x + 0.5, y: chartHeight - height, width: Math.max(1, barWidth - 1), height }));
        if (bucketHits) chart.appendChild(svg('rect', { class: 'mark', x: x, y: 0, width: Math.max(2, barWidth), height: markHeight - 1 }));
        const target = svg('rect', { class: 'target', x: x, y: 0, width: Math.max(1, barWidth), height: chartHeight });
        target.dataset.bucket = String(index);
        const tip = svg('title', {});
        tip.textContent = visibleText(name) + '\n' + bucketText(index) + ' \u2192 ' + bucketText(index + 1) + '\n' + plural(count, 'event', 'events') + (bucketHits ? ', ' + plural(bucketHits, 'analytic hit', 'analytic hits') : '');
        target.appendChild(tip);
        target.addEventListener('click', () => onBucket(host.other ? null : host.host, bucketText(index), bucketText(index + 1)));
        chart.appendChild(target);
      }
      row.appendChild(chart);
      container.appendChild(row);
    });
  }

  function total(counts) {
    return counts.reduce((sum, count) => sum + count, 0);
  }

  function durationText(seconds) {
    const units = [[86400, 'day', 'days'], [3600, 'hour', 'hours'], [60, 'minute', 'minutes'], [1, 'second', 'seconds']];
    for (const [size, one, many] of units) {
      if (seconds >= size && seconds % size === 0) return plural(seconds / size, one, many);
    }
    return seconds + ' s';
  }

  // ---------------------------------------------------------------- detections
  function fieldMap(event) {
    return event ? new Map(event.fields) : new Map();
  }

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

  function remoteEnd(fields) {
    const inbound = /^in/i.test(fields.get('network_direction') || '');
    const address = inbound ? fields.get('src_ip') : fields.get('dest_ip');
    const port = inbound ? fields.get('src_port') : fields.get('dest_port');
    const name = inbound ? fields.get('src_hostname') : fields.get('dest_hostname');
    return (address || '?') + (port ? ':' + port : '') + (name ? ' (' + name + ')' : '');
  }

  function renderDetections(report, onJump) {
    const body = byId('detections-body');
    const detections = report.detections;
    if (detections.length === 0) body.appendChild(make('p', 'empty', 'No detections.'));
    body.appendChild(coverageStatus(report));
    if (detections.length === 0) return;
    detections.forEach((detection, index) => {
      const event = detection.event;
      const eventFields = fieldMap(event);
      // The process: its process/create when logged, else what the event says of it.
      const processFields = detection.process ? fieldMap(detection.process) : eventFields;
      const card = make('article', 'detection');
      card.id = 'detection-' + index;
      card.dataset.index = String(index);

      const header = make('header');
      header.appendChild(make('span', 'title det-analytic', detection.analytic_id + ' ' + detection.analytic_name));
      header.appendChild(make('span', 'variant det-variant', detection.variant));
      header.appendChild(make('span', 'det-technique', detection.technique));
      header.appendChild(make('span', 'mono det-time', event.time_text));
      header.appendChild(make('span', 'data det-host', event.host));
      card.appendChild(header);
      card.appendChild(make('p', 'reason data', detection.reason));

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
        ['started', detection.process ? detection.process.time_text : undefined],
      ])));
      chain.appendChild(make('span', 'arrow', '\u2192'));
      const connections = make('ul', 'connections');
      const flows = detection.connections.length ? detection.connections : (event.object === 'flow' ? [event] : []);
      for (const flow of flows) {
        const fields = fieldMap(flow);
        const item = make('li', 'data');
        const direction = fields.get('network_direction') || 'connection';
        appendText(item, direction + ' ' + (fields.get('transport_protocol') || '') + ' ' + remoteEnd(fields) + ' at ' + flow.time_text, false);
        item.dataset.key = 'connection';
        connections.appendChild(item);
      }
      if (!connections.firstChild) connections.appendChild(make('li', 'empty', 'none logged'));
      chain.appendChild(chainStep('Connections', connections));
      card.appendChild(chain);

      const footer = make('footer');
      const file = report.files[event.file];
      footer.appendChild(make('span', 'data mono det-file', file ? file.path : '(unknown file)'));
      footer.appendChild(make('span', 'det-record', 'record ' + event.record_id));
      footer.appendChild(make('span', 'data', event.channel + ' / event ' + event.event_id));
      if (event.row !== null) {
        const jump = make('button', 'det-jump', 'Show in timeline');
        jump.type = 'button';
        jump.addEventListener('click', () => onJump(event.row));
        footer.appendChild(jump);
      } else {
        footer.appendChild(make('span', 'empty', 'not among the timeline rows of this report (timeline.csv has it)'));
      }
      card.appendChild(footer);
      body.appendChild(card);
    });
  }

  // ---------------------------------------------------------------- coverage
  // Whether each analytic variant could be evaluated on each host. Where it
  // could not, its empty list of detections says nothing; the page never
  // says "no detections" without saying where the variant could look.

  // Coverage rows by analytic variant, in the order the variants come.
  function coverageGroups(report) {
    const groups = new Map();
    for (const row of report.coverage) {
      const key = row.analytic_id + ':' + row.variant;
      let group = groups.get(key);
      if (!group) {
        group = { key, analytic_id: row.analytic_id, analytic_name: row.analytic_name, variant: row.variant,
          needs: row.needs, rows: [], evaluable: 0, detections: 0 };
        groups.set(key, group);
      }
      group.rows.push(row);
      if (row.evaluable) group.evaluable += 1;
      group.detections += row.detections;
    }
    return [...groups.values()];
  }

  function variantTitle(group) {
    return group.analytic_id + (group.analytic_name ? ' ' + group.analytic_name : '') + ', variant ' + group.variant;
  }

  // "Evaluable on all 4 hosts", "Not evaluable on 1 of 4 hosts", ...
  function evaluableText(group) {
    const hosts = group.rows.length;
    const notEvaluable = hosts - group.evaluable;
    if (notEvaluable === 0) return hosts === 1 ? 'Evaluable on its 1 host' : 'Evaluable on all ' + formatCount(hosts) + ' hosts';
    if (group.evaluable === 0) return hosts === 1 ? 'Not evaluable on its 1 host' : 'Not evaluable on any of the ' + formatCount(hosts) + ' hosts';
    return 'Not evaluable on ' + formatCount(notEvaluable) + ' of ' + formatCount(hosts) + ' hosts';
  }

  function coverageLink() {
    const link = make('a', null, 'see Coverage');
    link.href = '#coverage';
    return link;
  }

  // One line per analytic variant: its detections and where it could look.
  function coverageStatus(report) {
    const groups = coverageGroups(report);
    if (groups.length === 0) {
      const none = make('p', 'problem');
      none.dataset.coverage = 'empty';
      appendText(none, 'Coverage lists no host and analytic variant: this report cannot say whether the analytics could see anything (', false);
      none.appendChild(coverageLink());
      none.appendChild(document.createTextNode(').'));
      return none;
    }
    const list = make('ul', 'coverage-status');
    for (const group of groups) {
      const notEvaluable = group.rows.length - group.evaluable;
      const item = make('li', notEvaluable ? 'gap' : '');
      item.dataset.key = group.key;
      item.appendChild(make('span', 'data', variantTitle(group)));
      appendText(item, ': ' + (group.detections ? plural(group.detections, 'detection', 'detections') : 'no detections') +
        '. ' + evaluableText(group), false);
      if (notEvaluable) {
        item.appendChild(document.createTextNode(': '));
        item.appendChild(coverageLink());
      }
      item.appendChild(document.createTextNode('.'));
      list.appendChild(item);
    }
    return list;
  }

  function renderCoverage(report) {
    const body = byId('coverage-body');
    const groups = coverageGroups(report);
    if (groups.length === 0) {
      const none = make('p', 'empty', 'No coverage rows: this scan records no host on which an analytic variant was or was not evaluable.');
      none.dataset.coverage = 'empty';
      body.appendChild(none);
      return;
    }
    for (const group of groups) {
      const block = make('div', 'coverage-group');
      block.dataset.key = group.key;
      block.appendChild(make('h3', 'data', variantTitle(group)));
      const facts = make('p', group.evaluable < group.rows.length ? 'coverage-line problem' : 'coverage-line');
      appendText(facts, evaluableText(group) + '; ' + (group.detections ? plural(group.detections, 'detection', 'detections') : 'no detections') + '.', false);
      block.appendChild(facts);
      if (group.needs) block.appendChild(make('p', 'hint data', 'Needs ' + group.needs + '.'));
      const table = make('table');
      table.dataset.table = 'coverage';
      const head = table.createTHead().insertRow();
      for (const [label, className] of [['host', ''], ['evaluable', ''], ['events examined', 'count'], ['detections', 'count'], ['why not', '']]) {
        head.appendChild(make('th', className, label));
      }
      const rows = table.createTBody();
      // Hosts it could not look at first, then the others; each in host order.
      const ordered = group.rows.filter((row) => !row.evaluable).concat(group.rows.filter((row) => row.evaluable));
      for (const entry of ordered) {
        const row = rows.insertRow();
        row.className = entry.evaluable ? '' : 'not-evaluable';
        row.dataset.evaluable = entry.evaluable ? 'yes' : 'no';
        row.appendChild(make('td', 'data', entry.host === '' ? '(no host name)' : entry.host)).dataset.column = 'host';
        row.appendChild(make('td', entry.evaluable ? 'nowrap' : 'nowrap problem', entry.evaluable ? 'yes' : 'NOT evaluable')).dataset.column = 'evaluable';
        row.appendChild(make('td', 'count', formatCount(entry.events_examined))).dataset.column = 'events_examined';
        row.appendChild(make('td', 'count', formatCount(entry.detections))).dataset.column = 'detections';
        row.appendChild(make('td', 'data', entry.why_not)).dataset.column = 'why_not';
      }
      block.appendChild(table);
      body.appendChild(block);
    }
  }

  // ---------------------------------------------------------------- errors
  function renderErrors(report) {
    const body = byId('errors-body');
    const failedFiles = report.files.filter((file) => file.status !== 'complete');
    const problems = report.problems;
    const summary = report.summary;
    if (failedFiles.length === 0 && problems.length === 0 && !summary.address_warnings && !summary.normalization_warnings) {
      body.appendChild(make('p', 'empty', 'Every file and every record was read.'));
      return;
    }
    if (failedFiles.length) {
      body.appendChild(make('h3', null, 'Files not read completely (' + formatCount(failedFiles.length) + ')'));
      const table = make('table');
      table.dataset.table = 'failed_files';
      const head = table.createTHead().insertRow();
      for (const label of ['file', 'status', 'records lost', 'reason']) head.appendChild(make('th', null, label));
      const rows = table.createTBody();
      for (const file of failedFiles) {
        const row = rows.insertRow();
        row.appendChild(make('td', 'data mono', file.path));
        row.appendChild(make('td', 'problem', file.status));
        row.appendChild(make('td', 'count', formatCount(file.records_failed)));
        row.appendChild(make('td', 'data', file.reason));
      }
      body.appendChild(table);
    }
    if (problems.length) {
      body.appendChild(make('h3', null, 'Problems (' + formatCount(problems.length) + ')'));
      const table = make('table');
      table.dataset.table = 'problems';
      const head = table.createTHead().insertRow();
      for (const label of ['file', 'where', 'kind', 'records lost', 'reason']) head.appendChild(make('th', null, label));
      const rows = table.createTBody();
      const page = 500;
      let shown = 0;
      const more = make('button', null, '');
      more.type = 'button';
      const showMore = () => {
        const end = Math.min(problems.length, shown + page);
        for (; shown < end; ++shown) {
          const problem = problems[shown];
          const where = [];
          if (problem.chunk !== null) where.push('chunk ' + problem.chunk);
          if (problem.offset !== null) where.push('offset 0x' + problem.offset.toString(16));
          if (problem.record_index !== null) where.push('record index ' + problem.record_index);
          if (problem.record_id !== null) where.push('record id ' + problem.record_id);
          const row = rows.insertRow();
          row.appendChild(make('td', 'data mono', problem.file));
          row.appendChild(make('td', 'mono nowrap', where.join(', ')));
          row.appendChild(make('td', problem.warning ? '' : 'problem', problem.warning ? 'warning' : 'error'));
          row.appendChild(make('td', 'count', formatCount(problem.records_lost)));
          row.appendChild(make('td', 'data', problem.reason));
        }
        more.hidden = shown >= problems.length;
        setText(more, 'Show ' + formatCount(Math.min(page, problems.length - shown)) + ' more of ' + formatCount(problems.length - shown));
      };
      more.addEventListener('click', showMore);
      showMore();
      body.appendChild(table);
      body.appendChild(more);
    }
    if (report.problems_not_listed) {
      body.appendChild(make('p', 'notice', plural(report.problems_not_listed, 'more problem was', 'more problems were') + ' counted but not listed; summary.json has the counts.'));
    }
    if (summary.address_warnings) {
      body.appendChild(make('h3', null, plural(summary.address_warnings, 'address', 'addresses') + ' did not parse'));
      const list = make('ul');
      for (const example of summary.address_warning_examples) list.appendChild(make('li', 'data mono', example));
      body.appendChild(list);
    }
    if (summary.normalization_warnings) {
      body.appendChild(make('h3', null, plural(summary.normalization_warnings, 'event was', 'events were') + ' kept with a value that could not be mapped faithfully'));
      const list = make('ul');
      list.dataset.list = 'normalization_warnings';
      for (const example of summary.normalization_warning_examples) list.appendChild(make('li', 'data mono', example));
      body.appendChild(list);
    }
  }

  // ---------------------------------------------------------------- timeline
  const MAX_SCROLL_PIXELS = 8000000;  // browsers cap element heights; beyond, rows are spread over this
  const PRINT_ROWS = 500;

  function createTimeline(report, data) {
    const viewport = byId('timeline-viewport');
    const spacer = byId('timeline-spacer');
    const rowsBox = byId('timeline-rows');
    const countLine = byId('timeline-count');
    const detail = byId('timeline-detail');
    const inputs = {
      text: byId('filter-text'), host: byId('filter-host'), event: byId('filter-event'), hits: byId('filter-hits'),
      from: byId('filter-from'), before: byId('filter-before'), clear: byId('filter-clear'), problem: byId('filter-problem'),
    };
    const rowHeight = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--row-height')) || 24;
    const field = (name) => data.fieldNumber.get(name);
    const IMAGE = field('image_path');
    const EXE = field('exe');
    const DETAIL_ORDER = ['command_line', 'src_ip', 'src_port', 'dest_ip', 'dest_port', 'dest_hostname', 'file_path', 'target_image_path', 'key', 'value', 'data', 'query_name', 'query_results', 'pipe_name', 'module_path', 'user'].map(field);
    const SKIP_IN_DETAILS = new Set([field('hostname'), IMAGE, EXE]);

    const columns = [
      { key: 'time', label: 'Time (UTC)', text: (i) => data.time(i) },
      { key: 'host', label: 'Host', text: (i) => data.shape(i).host },
      { key: 'event', label: 'Event', text: (i) => data.shape(i).event },
      { key: 'image', label: 'Image', text: (i) => data.value(i, IMAGE) || data.value(i, EXE) },
      { key: 'details', label: 'Details', text: detailsText, unsortable: true },
      { key: 'hits', label: 'Analytics', text: (i) => data.shape(i).analytics.join(' ') },
      { key: 'source', label: 'Source', text: (i) => '#' + data.recordId[i] + ' ' + baseName(data.shape(i).path) },
    ];

    function detailsText(i) {
      const shape = data.shape(i);
      const parts = [];
      const seen = new Set();
      for (const number of DETAIL_ORDER) {
        if (number === undefined || shape.position[number] < 0) continue;
        seen.add(number);
        parts.push(data.fieldNames[number] + '=' + data.value(i, number));
      }
      for (const number of shape.fields) {
        if (seen.has(number) || SKIP_IN_DETAILS.has(number)) continue;
        parts.push(data.fieldNames[number] + '=' + data.value(i, number));
      }
      return parts.join('  ');
    }

    const state = {
      filter: { text: '', host: null, event: null, hits: false, from: null, before: null },
      sort: { key: 'time', descending: false },
      view: new Uint32Array(0),
      shownEvents: 0,
      selected: -1,  // entry index
      lowerStrings: null,
    };

    // --- filter controls
    const hostCounts = new Map();
    const eventCounts = new Map();
    for (let i = 0; i < data.count; ++i) {
      if (data.isGap(i)) continue;
      const shape = data.shape(i);
      hostCounts.set(shape.host, (hostCounts.get(shape.host) || 0) + 1);
      eventCounts.set(shape.event, (eventCounts.get(shape.event) || 0) + 1);
    }
    // Option values are positions in these lists; '' is "all".
    const choices = { host: [...hostCounts.keys()].sort(), event: [...eventCounts.keys()].sort() };
    const fillSelect = (select, names, counts) => {
      names.forEach((name, index) => {
        const option = document.createElement('option');
        option.textContent = visibleText(name === '' ? '(none)' : name) + ' (' + formatCount(counts.get(name)) + ')';
        option.value = String(index);
        option.dataset.name = name;
        select.appendChild(option);
      });
    };
    fillSelect(inputs.host, choices.host, hostCounts);
    fillSelect(inputs.event, choices.event, eventCounts);
    const chosen = (select, names) => (select.value === '' ? null : names[Number(select.value)]);
    const choose = (select, names, name) => {
      if (name === null || name === undefined) {
        select.value = '';
        return;
      }
      let index = names.indexOf(name);
      if (index < 0) {  // a host without rows in this report: still selectable
        names.push(name);
        index = names.length - 1;
        const option = document.createElement('option');
        option.textContent = visibleText(name === '' ? '(none)' : name) + ' (0)';
        option.value = String(index);
        option.dataset.name = name;
        select.appendChild(option);
      }
      select.value = String(index);
    };

    let typingTimer = 0;
    inputs.text.addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => { state.filter.text = inputs.text.value; apply(); }, 150);
    });
    inputs.host.addEventListener('change', () => { state.filter.host = chosen(inputs.host, choices.host); apply(); });
    inputs.event.addEventListener('change', () => { state.filter.event = chosen(inputs.event, choices.event); apply(); });
    inputs.hits.addEventListener('change', () => { state.filter.hits = inputs.hits.checked; apply(); });
    const readTimeInput = (input, key) => {
      const text = input.value.trim();
      const parsed = text === '' ? null : parseTime(text);
      input.classList.toggle('invalid', text !== '' && parsed === null);
      state.filter[key] = parsed;
    };
    for (const [input, key] of [[inputs.from, 'from'], [inputs.before, 'before']]) {
      input.addEventListener('change', () => { readTimeInput(input, key); apply(); });
    }
    inputs.clear.addEventListener('click', () => { setFilter({}); });

    // Sets every filter at once (absent: cleared) and shows the result.
    function setFilter(filter) {
      inputs.text.value = filter.text || '';
      choose(inputs.host, choices.host, filter.host);
      choose(inputs.event, choices.event, filter.event);
      inputs.hits.checked = Boolean(filter.hits);
      inputs.from.value = filter.from || '';
      inputs.before.value = filter.before || '';
      state.filter.text = inputs.text.value;
      state.filter.host = chosen(inputs.host, choices.host);
      state.filter.event = chosen(inputs.event, choices.event);
      state.filter.hits = inputs.hits.checked;
      readTimeInput(inputs.from, 'from');
      readTimeInput(inputs.before, 'before');
      apply();
    }

    // --- column heads (sorting)
    const head = byId('timeline-head');
    for (const column of columns) {
      if (column.unsortable) {
        head.appendChild(make('span', null, column.label));
        continue;
      }
      const button = make('button', null, column.label);
      button.type = 'button';
      button.dataset.column = column.key;
      button.addEventListener('click', () => {
        const same = state.sort.key === column.key;
        state.sort = { key: column.key, descending: same ? !state.sort.descending : false };
        apply();
      });
      const cell = make('span');
      cell.appendChild(button);
      head.appendChild(cell);
    }

    function sortKey(i, key) {
      const shape = data.shape(i);
      switch (key) {
        case 'host': return shape.host;
        case 'event': return shape.event;
        case 'image': return data.value(i, IMAGE) || data.value(i, EXE);
        case 'hits': return shape.analytics.join(' ');
        default: return '';
      }
    }

    // --- filtering and sorting
    function apply() {
      const filter = state.filter;
      const needle = filter.text.trim().toLowerCase();
      const sorted = state.sort.key !== 'time' || state.sort.descending;
      const anyFilter = needle !== '' || filter.host !== null || filter.event !== null || filter.hits || filter.from || filter.before;
      inputs.problem.hidden = !(inputs.from.classList.contains('invalid') || inputs.before.classList.contains('invalid'));
      if (!inputs.problem.hidden) setText(inputs.problem, 'Times are UTC, written as 2024-01-31, 2024-01-31T12:00 or 2024-01-31T12:00:00.1234567; the marked filter is not applied.');

      const shapeAllowed = new Uint8Array(data.shapes.length);
      const shapeMatches = new Uint8Array(data.shapes.length);
      data.shapes.forEach((shape, index) => {
        shapeAllowed[index] = (filter.host === null || shape.host === filter.host) &&
          (filter.event === null || shape.event === filter.event) && (!filter.hits || shape.analytics.length > 0) ? 1 : 0;
        shapeMatches[index] = needle !== '' && shape.searchText.includes(needle) ? 1 : 0;
      });
      let stringMatches = null;
      if (needle !== '') {
        if (!state.lowerStrings) state.lowerStrings = data.strings.map((text) => text.toLowerCase());
        stringMatches = new Uint8Array(data.strings.length);
        state.lowerStrings.forEach((text, index) => { stringMatches[index] = text.includes(needle) ? 1 : 0; });
      }

      const view = new Uint32Array(data.count);
      let shown = 0;
      let events = 0;
      for (let i = 0; i < data.count; ++i) {
        if (data.isGap(i)) {
          if (!anyFilter && !sorted) view[shown++] = i;
          continue;
        }
        const shape = data.shapeOf[i];
        if (!shapeAllowed[shape]) continue;
        if (filter.from && compareTime(data.milliseconds[i], data.rest[i], filter.from[0], filter.from[1]) < 0) continue;
        if (filter.before && compareTime(data.milliseconds[i], data.rest[i], filter.before[0], filter.before[1]) >= 0) continue;
        if (needle !== '' && !shapeMatches[shape] && !rowMatches(i, needle, stringMatches)) continue;
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

    function rowMatches(i, needle, stringMatches) {
      const entry = data.entries[i];
      for (let position = 3; position < entry.length; ++position) {
        const value = entry[position];
        if (typeof value === 'number' ? stringMatches[value] : value.toLowerCase().includes(needle)) return true;
      }
      return String(data.recordId[i]) === needle;
    }

    // Sorts by the ranks of the distinct keys; ties stay in time order. Rank
    // and row packed into one number let the browser's numeric sort do it.
    function sortView(view) {
      const { key, descending } = state.sort;
      if (key === 'time') return Uint32Array.from(view).reverse();
      if (key === 'source') return sortBySource(view, descending ? -1 : 1);
      const count = view.length;
      const keys = new Array(count);
      for (let k = 0; k < count; ++k) keys[k] = sortKey(view[k], key);
      const distinct = [...new Set(keys)].sort();
      const rank = new Map(distinct.map((text, position) => [text, descending ? distinct.length - 1 - position : position]));
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

    // By file path, then record id (as a number), then time.
    function sortBySource(view, direction) {
      const paths = [...new Set(data.shapes.map((shape) => shape.path))].sort();
      const pathRank = new Map(paths.map((path, position) => [path, position]));
      const count = view.length;
      const file = new Float64Array(count);
      const record = new Float64Array(count);
      for (let k = 0; k < count; ++k) {
        file[k] = pathRank.get(data.shape(view[k]).path);
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
      setText(countLine, text + '.');
      countLine.dataset.shown = String(state.shownEvents);
      countLine.dataset.total = String(data.events);
      countLine.dataset.leftOut = String(report.timeline.left_out);
    }

    function updateHeads() {
      for (const button of head.querySelectorAll('button')) {
        const active = button.dataset.column === state.sort.key;
        if (active) button.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
        else button.removeAttribute('aria-sort');
      }
    }

    // --- virtual scrolling: only the visible rows exist in the page
    const pool = [];

    function scaled() {
      return state.view.length * rowHeight > MAX_SCROLL_PIXELS;
    }

    function resize() {
      spacer.style.height = Math.min(state.view.length * rowHeight, MAX_SCROLL_PIXELS) + 'px';
    }

    function visibleRows() {
      return Math.ceil(viewport.clientHeight / rowHeight) + 1;
    }

    // First view position shown, and where its row is drawn.
    function firstVisible() {
      const top = viewport.scrollTop;
      if (!scaled()) {
        const first = Math.floor(top / rowHeight);
        return [first, first * rowHeight];
      }
      const room = Math.max(1, spacer.offsetHeight - viewport.clientHeight);
      const first = Math.round(Math.min(1, top / room) * Math.max(0, state.view.length - visibleRows() + 1));
      return [first, top];
    }

    const empty = make('p', 'empty');
    empty.id = 'timeline-empty';
    viewport.appendChild(empty);

    function render() {
      empty.hidden = state.view.length > 0;
      if (!empty.hidden) setText(empty, data.events === 0 ? 'No events in the timeline.' : 'No event matches the filters.');
      const [first, offset] = firstVisible();
      const wanted = Math.min(visibleRows(), Math.max(0, state.view.length - first));
      while (pool.length < wanted) {
        const row = make('div', 'timeline-row body');
        row.addEventListener('click', () => select(Number(row.dataset.entry)));
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
      row.className = 'timeline-row body' + (hit ? ' hit' : '') + (i === state.selected ? ' selected' : '');
      for (const column of columns) {
        const cell = make('span', column.key === 'hits' ? 'hits' : null, column.text(i));
        cell.dataset.column = column.key;
        row.appendChild(cell);
      }
    }

    viewport.addEventListener('scroll', () => render(), { passive: true });
    window.addEventListener('resize', () => render());
    viewport.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const position = state.view.indexOf(state.selected);
      if (position < 0) return;
      const next = position + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= state.view.length) return;
      event.preventDefault();
      select(state.view[next]);
      reveal(next);
    });

    function reveal(position) {
      if (scaled()) {
        const room = Math.max(1, spacer.offsetHeight - viewport.clientHeight);
        viewport.scrollTop = room * position / Math.max(1, state.view.length - visibleRows() + 1);
      } else {
        const top = position * rowHeight;
        if (top < viewport.scrollTop || top + rowHeight > viewport.scrollTop + viewport.clientHeight) {
          viewport.scrollTop = Math.max(0, top - viewport.clientHeight / 3);
        }
      }
      render();
    }

    function select(i) {
      if (data.isGap(i)) return;
      state.selected = i;
      for (const row of pool) row.classList.toggle('selected', Number(row.dataset.entry) === i && !row.hidden);
      showDetail(i);
    }

    function showDetail(i) {
      detail.textContent = '';
      const shape = data.shape(i);
      detail.appendChild(make('h3', null, 'Event ' + shape.event + ' at ' + data.time(i)));
      const list = make('dl', 'facts');
      const add = (name, text) => {
        list.appendChild(make('dt', null, name));
        const value = make('dd', 'data mono');
        appendText(value, String(text), true);
        list.appendChild(value);
      };
      for (const [name, text] of data.fields(i)) add(name, text);
      add('analytics', shape.analytics.join(' ') || '\u2014');
      add('source file', shape.path);
      add('record id', data.recordId[i]);
      add('channel', shape.channel);
      add('provider / event id', shape.provider + ' / ' + shape.eventId);
      detail.appendChild(list);
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
          cell.appendChild(make('div', column.key === 'details' ? 'clamp' : null, column.text(i)));
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

    apply();
    return { setFilter, jumpTo };
  }

  // ---------------------------------------------------------------- page
  // Marks the steps of building the page (performance.getEntriesByType('mark')).
  function step(name) {
    performance.mark('evtxcar:' + name);
  }

  function start() {
    step('script');
    const report = readData('evtxcar-report');
    const entries = readData('evtxcar-rows');
    step('parsed');
    const data = decodeTimeline(report, entries);
    step('decoded');
    renderRun(report);
    renderSummary(report);
    step('summary');
    const timeline = createTimeline(report, data);
    step('timeline');
    renderActivity(report, (host, from, before) => {
      timeline.setFilter({ host, from, before });
      byId('timeline').scrollIntoView();
    });
    renderDetections(report, (row) => timeline.jumpTo(row));
    renderCoverage(report);
    renderErrors(report);
    step('ready');
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.state = 'ready';
  }

  try {
    start();
  } catch (error) {
    const failure = byId('report-failure');
    failure.hidden = false;
    setText(failure, 'The report could not be shown: ' + (error && error.message ? error.message : String(error)) +
      '. The same data is in timeline.csv, detections.csv and summary.json beside this file.');
    document.body.dataset.state = 'failed';
    throw error;
  }
})();
