// rows.js: the embedded data, and the timeline rows decoded from it (see
// timeline_row_encoder.hpp and row_text.hpp for the layout).

function readData(id) {
  const node = byId(id);
  if (!node) throw new Error('the report has no ' + id + ' data');
  return JSON.parse(node.textContent);
}

function readText(id) {
  const node = byId(id);
  if (!node) throw new Error('the report has no ' + id + ' data');
  return node.textContent;
}

// Where each file is, as the analyst knows it: its path below the folder
// (or file) that was scanned, so that HOST/Security.evtx keeps its HOST.
function displayPaths(report) {
  const inputs = report.run.inputs.map((input) => input.replace(/[\\/]+$/, ''));
  const several = inputs.length > 1;
  return report.files.map((file) => {
    const path = file.path;
    let best = null;
    for (const input of inputs) {
      if (input !== '' && path.length > input.length && path.startsWith(input) && /[\\/]/.test(path[input.length]) &&
          (best === null || input.length > best.length)) best = input;
    }
    if (best === null) return inputs.includes(path) ? baseName(path) : path;
    const below = path.slice(best.length + 1);
    return several ? baseName(best) + '/' + below : below;
  });
}

// A value of a row: '<' and digits is a reference to the strings table;
// '<' and a letter an escaped character.
const ROW_ESCAPES = { t: '\t', n: '\n', r: '\r', l: '<' };

function unescapeRowText(text) {
  return text.replace(/<(x[0-9a-f]{2}|[tnrl])/g, (whole, code) =>
    code.length === 3 ? String.fromCharCode(parseInt(code.slice(1), 16)) : ROW_ESCAPES[code]);
}

function decodeTimeline(report, rowsText) {
  const tables = report.timeline;
  const carFieldCount = tables.fields.length;
  // CAR field names, then the payload names (numbers from carFieldCount on).
  const fieldNames = tables.fields.concat(tables.payload_fields || []);
  const fieldNumber = new Map(tables.fields.map((name, index) => [name, index]));
  const strings = tables.strings;
  const paths = displayPaths(report);
  const files = report.files;
  const analyticNames = new Map((report.analytics || []).map((analytic) => [analytic.label, analytic.name]));
  const shapes = [];

  function addShape(encoded) {
    const [host, object, action, file, channel, provider, eventId, analytics, fields, payload,
      payloadKind, payloadName, level, task, opcode, keywords, version, userSid, copies] = encoded;
    // position[field number]: which of the row's values holds that field, or -1.
    const position = new Int16Array(fieldNames.length).fill(-1);
    fields.forEach((field, index) => { position[field] = index; });
    let own = fields.length;
    const payloadFields = payload.map((entry) => {
      const [number, same] = typeof entry === 'number' ? [entry, own++] : entry;
      if (position[number] < 0) position[number] = same;
      return { number, position: same };
    });
    const userSidPosition = userSid === null ? -1 : userSid === -1 ? own++ : userSid;
    const generic = object === 'event' && action === '';
    const analyticsText = analytics.map((label) => label + ' ' + (analyticNames.get(label) || '')).join('\n');
    shapes.push({
      host, object, action, file, channel, provider, eventId, analytics, fields, payloadFields, payloadKind,
      payloadName, level, task, opcode, keywords, version, userSidPosition, copies, position, generic,
      path: files[file] ? files[file].path : '',
      displayPath: paths[file] !== undefined ? paths[file] : '',
      // A generic event (no CAR object) goes by its channel and event id.
      event: generic ? (channel || provider) + ' ' + eventId : object + '/' + action,
      // What a word matches besides the values (lower case).
      searchText: [host, object + '/' + action, generic ? (channel || provider) + ' ' + eventId : '', channel,
        provider, String(eventId), analyticsText].join('\n').toLowerCase(),
    });
    return shapes.length - 1;
  }
  tables.shapes.forEach(addShape);

  const lines = rowsText === '' ? [] : rowsText.split('\n');
  const count = lines.length;
  const GAP = 0xFFFFFFFF;
  const shapeOf = new Uint32Array(count);
  const milliseconds = new Float64Array(count);
  const rest = new Uint16Array(count);
  const valuesAt = new Uint32Array(count);  // where a row's values begin in its line (0: none)
  const recordId = new Array(count);
  const previousRecordId = new Map();
  let [currentMs, currentRest] = ticksToParts(tables.base_time);
  let events = 0;
  for (let i = 0; i < count; ++i) {
    const line = lines[i];
    if (line.charCodeAt(0) === 126) {  // '~': a gap
      shapeOf[i] = GAP;
      milliseconds[i] = currentMs;
      rest[i] = currentRest;
      recordId[i] = Number(line.slice(1));  // for a gap: how many events it stands for
      continue;
    }
    ++events;
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    let third = line.indexOf('\t', second + 1);
    if (third < 0) third = line.length;
    const time = line.slice(0, first);
    if (time.charCodeAt(0) === 61) {  // '=': absolute
      [currentMs, currentRest] = ticksToParts(time.slice(1));
    } else {
      const sum = currentRest + Number(time);
      currentMs += Math.floor(sum / 10000);
      currentRest = sum % 10000;
    }
    milliseconds[i] = currentMs;
    rest[i] = currentRest;
    const shapeText = line.slice(second + 1, third);
    const shape = shapeText.charCodeAt(0) === 91 ? addShape(JSON.parse(shapeText)) : Number(shapeText);
    shapeOf[i] = shape;
    valuesAt[i] = third < line.length ? third + 1 : 0;
    const file = shapes[shape].file;
    const record = line.slice(first + 1, second);
    if (record.charCodeAt(0) === 61) {
      previousRecordId.set(file, Number(record.slice(1)));
      recordId[i] = record.slice(1);
    } else {
      const id = (previousRecordId.get(file) || 0) + Number(record);
      previousRecordId.set(file, id);
      recordId[i] = id;
    }
  }

  // A row's values, decoded once when first asked for: a number is an index
  // into `strings`, a text the text itself.
  const cache = new Array(count);
  function raw(i) {
    let values = cache[i];
    if (values === undefined) {
      const at = valuesAt[i];
      values = at === 0 ? [] : lines[i].slice(at).split('\t');
      for (let k = 0; k < values.length; ++k) {
        const value = values[k];
        if (value.indexOf('<') < 0) continue;
        const code = value.charCodeAt(1);
        values[k] = value.charCodeAt(0) === 60 && code >= 48 && code <= 57 ? Number(value.slice(1)) : unescapeRowText(value);
      }
      cache[i] = values;
    }
    return values;
  }
  function text(value) {
    return typeof value === 'number' ? strings[value] : value;
  }
  const hostnameField = fieldNumber.get('hostname');

  return {
    strings, shapes, fieldNames, fieldNumber, carFieldCount, shapeOf, milliseconds, rest, recordId, count, events,
    analyticNames, raw, text,
    isGap: (i) => shapeOf[i] === GAP,
    shape: (i) => shapes[shapeOf[i]],
    // The text of field `field` (a number: CAR field or payload name) in row i, or ''.
    value(i, field) {
      const shape = shapes[shapeOf[i]];
      if (field === hostnameField) return shape.host;
      const position = shape.position[field];
      if (position < 0) return '';
      const value = raw(i)[position];
      return value === undefined ? '' : text(value);
    },
    // [[CAR field name, text], ...] of row i, in the data model's order.
    fields(i) {
      const shape = shapes[shapeOf[i]];
      const values = raw(i);
      const out = [];
      if (shape.host !== '') out.push(['hostname', shape.host]);
      shape.fields.forEach((field, position) => out.push([fieldNames[field], text(values[position])]));
      return out;
    },
    // [[payload name, text], ...] of row i, as logged.
    payload(i) {
      const shape = shapes[shapeOf[i]];
      const values = raw(i);
      return shape.payloadFields.map((entry) => [fieldNames[entry.number], text(values[entry.position])]);
    },
    userSid(i) {
      const shape = shapes[shapeOf[i]];
      return shape.userSidPosition < 0 ? '' : text(raw(i)[shape.userSidPosition]);
    },
    time: (i) => timeText(milliseconds[i], rest[i]),
  };
}
