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
  const lineStart = new Float64Array(count + 1);  // where each line begins in rowsText
  for (let i = 0; i < count; ++i) lineStart[i + 1] = lineStart[i] + lines[i].length + 1;
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

  // A value as written: a number (an index into `strings`) or the text.
  function decodeToken(token) {
    if (token.indexOf('<') < 0) return token;
    const code = token.charCodeAt(1);
    return token.charCodeAt(0) === 60 && code >= 48 && code <= 57 ? Number(token.slice(1)) : unescapeRowText(token);
  }
  // Value k of row i, without splitting the row (or from the row's values when decoded).
  function token(i, k) {
    const values = cache[i];
    if (values !== undefined) return values[k];
    let at = valuesAt[i];
    if (at === 0) return undefined;
    const line = lines[i];
    for (let n = 0; n < k; ++n) {
      at = line.indexOf('\t', at) + 1;
      if (at === 0) return undefined;
    }
    const end = line.indexOf('\t', at);
    return decodeToken(end < 0 ? line.slice(at) : line.slice(at, end));
  }

  // For the search: the rows in lower case (made once, when first asked
  // for), and every reference to the strings table with its row.
  let lower = undefined;
  function lowerRows() {
    if (lower === undefined) {
      lower = rowsText.toLowerCase();
      if (lower.length !== rowsText.length) lower = null;  // lower case changed a length: search row by row
    }
    return lower;
  }
  let references = null;
  function referencesOf() {
    if (references) return references;
    let rows = new Uint32Array(1 << 16);
    let indexes = new Uint32Array(1 << 16);
    let used = 0;
    let row = 0;
    for (let at = rowsText.indexOf('<'); at >= 0; at = rowsText.indexOf('<', at + 1)) {
      let code = rowsText.charCodeAt(at + 1);
      if (code < 48 || code > 57) continue;  // an escaped character
      let index = 0;
      let end = at + 1;
      for (; code >= 48 && code <= 57; code = rowsText.charCodeAt(++end)) index = index * 10 + code - 48;
      while (lineStart[row + 1] <= at) ++row;
      if (used === rows.length) {
        const grownRows = new Uint32Array(used * 2);
        grownRows.set(rows);
        rows = grownRows;
        const grownIndexes = new Uint32Array(used * 2);
        grownIndexes.set(indexes);
        indexes = grownIndexes;
      }
      rows[used] = row;
      indexes[used++] = index;
      at = end - 1;
    }
    references = { rows: rows.subarray(0, used), indexes: indexes.subarray(0, used) };
    return references;
  }
  // The rows one of whose values contains `needle` (lower case): its own
  // text, found in the rows' text directly, or a string of the table that
  // `strings` (one flag per string) marks. A row per entry, 1 or 0.
  function rowsContaining(needle, stringMatches) {
    const found = new Uint8Array(count);
    const refs = referencesOf();
    for (let j = 0; j < refs.rows.length; ++j) if (stringMatches[refs.indexes[j]] === 1) found[refs.rows[j]] = 1;
    const text = lowerRows();
    if (text === null) {
      for (let i = 0; i < count; ++i) {
        if (found[i] || valuesAt[i] === 0) continue;
        if (raw(i).some((value) => typeof value !== 'number' && value.toLowerCase().includes(needle))) found[i] = 1;
      }
      return found;
    }
    // The needle as the rows write it; a place it is found counts when it
    // lies in a value of the row's own text, not inside an escape.
    const written = needle.replace(/[\u0000-\u001f\u007f<]/g, (character) => {
      const code = character.charCodeAt(0);
      if (character === '<') return '<l';
      if (code === 9) return '<t';
      if (code === 10) return '<n';
      if (code === 13) return '<r';
      return '<x' + code.toString(16).padStart(2, '0');
    });
    let row = 0;
    for (let at = text.indexOf(written); at >= 0;) {
      while (lineStart[row + 1] <= at) ++row;
      const values = valuesAt[row] === 0 ? Infinity : lineStart[row] + valuesAt[row];
      let genuine = at >= values && found[row] === 0;
      if (genuine) {
        const start = Math.max(values, text.lastIndexOf('\t', at - 1) + 1);
        const first = text.charCodeAt(start + 1);
        if (text.charCodeAt(start) === 60 && first >= 48 && first <= 57) genuine = false;  // a reference
        else if (at > start && text.charCodeAt(at - 1) === 60) genuine = false;  // inside an escape
        else if (at - 2 >= start && text.charCodeAt(at - 2) === 60 && text.charCodeAt(at - 1) === 120) genuine = false;
        else if (at - 3 >= start && text.charCodeAt(at - 3) === 60 && text.charCodeAt(at - 2) === 120) genuine = false;
      }
      if (genuine || found[row] === 1) {
        found[row] = 1;
        at = text.indexOf(written, lineStart[row + 1]);
      } else {
        at = text.indexOf(written, at + 1);
      }
    }
    return found;
  }

  // A row's values, decoded once when first asked for: a number is an index
  // into `strings`, a text the text itself.
  const cache = new Array(count);
  function raw(i) {
    let values = cache[i];
    if (values === undefined) {
      const at = valuesAt[i];
      values = at === 0 ? [] : lines[i].slice(at).split('\t');
      for (let k = 0; k < values.length; ++k) values[k] = decodeToken(values[k]);
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
    analyticNames, raw, token, text, rowsContaining,
    // Makes what the first search needs, so that it does not wait for it.
    prepareSearch() {
      lowerRows();
      referencesOf();
    },
    isGap: (i) => shapeOf[i] === GAP,
    shape: (i) => shapes[shapeOf[i]],
    // The text of field `field` (a number: CAR field or payload name) in row i, or ''.
    value(i, field) {
      const shape = shapes[shapeOf[i]];
      if (field === hostnameField) return shape.host;
      const position = shape.position[field];
      if (position < 0) return '';
      const value = token(i, position);
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
      return shape.userSidPosition < 0 ? '' : text(token(i, shape.userSidPosition));
    },
    time: (i) => timeText(milliseconds[i], rest[i]),
  };
}
