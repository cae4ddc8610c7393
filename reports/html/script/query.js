// query.js: the timeline's search, as typed into its box.
//
//   word             a value (any field) contains it, ignoring case
//   "two words"      the same, for a phrase
//   /regex/          a value matches the regular expression (ignoring case)
//   field:text       that field contains the text (a number field: equals it)
//   field=text       that field is exactly the text (ignoring case)
//   field:/regex/    that field matches
//   field:*          the event has that field
//   -term            not: the event must not match the term
//   a b              both; a OR b: either
// Fields: CAR field names (exe, command_line, user, pid, ...), EventData and
// UserData names (TargetUserName, ...), and host, event, object, action,
// channel, provider, event_id, level, record_id, analytics (also rule),
// source (the file's path; a word never matches it unless asked). A word
// with a colon that names no field (C:\Windows) is a word.

// Maps, not objects: a name typed into the box must never find a property of Object.prototype.
const SHAPE_FIELDS = new Map([
  ['host', (shape) => [shape.host]],
  ['hostname', (shape) => [shape.host]],
  ['event', (shape) => [shape.event]],
  ['object', (shape) => [shape.object]],
  ['action', (shape) => [shape.action]],
  ['channel', (shape) => [shape.channel]],
  ['provider', (shape) => [shape.provider]],
  ['event_id', (shape) => [String(shape.eventId)]],
  ['level', (shape) => [String(shape.level), (RECORD_LEVELS[shape.level] || '').toLowerCase()]],
  ['source', (shape) => [shape.displayPath, shape.path]],
  ['copies', (shape) => [String(1 + shape.copies.length)]],
]);
const FIELD_ALIASES = new Map([
  ['eventid', 'event_id'], ['id', 'event_id'], ['record', 'record_id'], ['recordid', 'record_id'],
  ['file', 'source'], ['path', 'source'], ['source_file', 'source'], ['analytic', 'analytics'], ['rule', 'analytics'],
  ['hit', 'analytics'], ['hits', 'analytics'],
]);
// Matched whole, not as a part: "event_id:4624" is not 14624.
const EXACT_FIELDS = new Set(['event_id', 'level', 'record_id', 'copies', 'pid', 'ppid', 'tid', 'src_port', 'dest_port',
  'local_port', 'target_pid', 'src_pid', 'src_tid', 'tgt_pid', 'tgt_tid', 'login_type', 'terminal_session_id',
  'message_number', 'message_total', 'threat_id', 'query_status']);

// Splits the query into terms: [{negated, field, operator, value, regex, quoted}], or throws an Error
// whose message is for the analyst.
function parseQuery(text, knownField) {
  const terms = [];
  let i = 0;
  const length = text.length;
  while (i < length) {
    while (i < length && /\s/.test(text[i])) ++i;
    if (i >= length) break;
    const start = i;
    let negated = false;
    if (text[i] === '-' && i + 1 < length && !/\s/.test(text[i + 1])) {
      negated = true;
      ++i;
    }
    let field = null;
    let operator = null;
    const name = /^([A-Za-z_][A-Za-z0-9_.\[\]-]*)([:=])/.exec(text.slice(i));
    if (name && knownField(name[1])) {
      field = name[1];
      operator = name[2];
      i += name[0].length;
    }
    let value = '';
    let regex = null;
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      ++i;
      while (i < length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < length && (text[i + 1] === '"' || text[i + 1] === '\\')) ++i;
        value += text[i++];
      }
      if (i >= length) throw new Error('a quote is not closed: ' + text.slice(start));
      ++i;
    } else if (text[i] === '/' && /^\/((?:\\.|[^\\/])+)\/([imsu]*)(?=\s|$)/.test(text.slice(i))) {
      const match = /^\/((?:\\.|[^\\/])+)\/([imsu]*)(?=\s|$)/.exec(text.slice(i));
      try {
        const flags = new Set((match[2] + 'i').split(''));
        regex = new RegExp(match[1], [...flags].join(''));
      } catch (error) {
        throw new Error('not a regular expression: /' + match[1] + '/ (' + error.message + ')');
      }
      value = match[0];
      i += match[0].length;
    } else {
      while (i < length && !/\s/.test(text[i])) value += text[i++];
    }
    if (field === null && !quoted && regex === null && value === 'OR' && !negated) {
      terms.push({ or: true });
      continue;
    }
    if (field !== null && value === '' && !quoted) throw new Error(field + operator + ' needs a value');
    terms.push({ negated, field, operator, value, regex, quoted });
  }
  // Terms between ORs are groups; a query matches when one group's terms all match.
  const groups = [[]];
  for (const term of terms) {
    if (term.or) groups.push([]);
    else groups[groups.length - 1].push(term);
  }
  return groups.filter((group) => group.length > 0);
}

// A compiled query: matches(i) says whether row i matches. `options.paths`:
// words also match the file's path.
function compileQuery(text, data, options) {
  const payloadNumbers = new Map();  // lower-case name -> field numbers (CAR and payload)
  data.fieldNames.forEach((name, number) => {
    const key = name.toLowerCase();
    if (!payloadNumbers.has(key)) payloadNumbers.set(key, []);
    payloadNumbers.get(key).push(number);
  });
  const canonical = (name) => {
    const lower = name.toLowerCase();
    return FIELD_ALIASES.get(lower) || lower;
  };
  const knownField = (name) => {
    const key = canonical(name);
    return SHAPE_FIELDS.has(key) || key === 'record_id' || key === 'analytics' || key === 'user_sid' ||
      payloadNumbers.has(key);
  };
  const groups = parseQuery(text, knownField);
  if (groups.length === 0) return null;

  const strings = data.strings;
  let lowerStrings = null;
  const lower = () => lowerStrings || (lowerStrings = strings.map((value) => value.toLowerCase()));

  // A test of one text, and the same over the strings table (by index).
  function textTest(term, exact) {
    if (term.regex) {
      const regex = term.regex;
      return (value) => regex.test(value);
    }
    const needle = term.value.toLowerCase();
    if (term.operator === '=' || exact) return (value) => value.toLowerCase() === needle;
    return (value) => value.toLowerCase().includes(needle);
  }
  function stringTable(test) {
    const table = new Uint8Array(strings.length);
    const texts = lower();
    // Tests lower-case their input; the table is lower-cased once.
    for (let k = 0; k < strings.length; ++k) table[k] = test(texts[k]) ? 1 : 0;
    return table;
  }
  // Matches a value of a row (an index into strings or a text).
  function valueTest(test) {
    const table = stringTable(test);
    return (value) => (typeof value === 'number' ? table[value] === 1 : value !== undefined && test(value));
  }

  function compileTerm(term) {
    const field = term.field === null ? null : canonical(term.field);
    const exact = field !== null && EXACT_FIELDS.has(field) && term.operator === ':' && !term.regex;
    const present = field !== null && !term.quoted && term.value === '*';
    const test = textTest(term, exact);
    const perShape = (texts) => {
      const table = new Uint8Array(data.shapes.length);
      data.shapes.forEach((shape, index) => { table[index] = texts(shape).some(test) ? 1 : 0; });
      return (i) => table[data.shapeOf[i]] === 1;
    };

    if (field === null) {
      // Any value, the event's host, kind, channel, provider, id and analytics; the path only when asked.
      const shapes = new Uint8Array(data.shapes.length);
      data.shapes.forEach((shape, index) => {
        const texts = shape.searchText.split('\n');
        if (options.paths) texts.push(shape.displayPath, shape.path);
        shapes[index] = texts.some(test) ? 1 : 0;
      });
      if (!term.regex) {
        // A word or phrase: found in the rows' text at once, not row by row.
        const rows = data.rowsContaining(term.value.toLowerCase(), stringTable(test));
        const record = term.value;
        return (i) => shapes[data.shapeOf[i]] === 1 || rows[i] === 1 || String(data.recordId[i]) === record;
      }
      const values = valueTest(test);
      return (i) => {
        if (shapes[data.shapeOf[i]] === 1) return true;
        const row = data.raw(i);
        for (let k = 0; k < row.length; ++k) if (values(row[k])) return true;
        return false;
      };
    }
    if (SHAPE_FIELDS.has(field)) {
      if (present) return () => true;
      return perShape(SHAPE_FIELDS.get(field));
    }
    if (field === 'analytics') {
      if (present) return (i) => data.shape(i).analytics.length > 0;
      return perShape((shape) => shape.analytics.concat(shape.analytics.map((label) => data.analyticNames.get(label) || '')));
    }
    if (field === 'record_id') {
      if (present) return () => true;
      return (i) => test(String(data.recordId[i]));
    }
    if (field === 'user_sid') {
      const values = valueTest(test);
      return (i) => {
        const position = data.shape(i).userSidPosition;
        if (position < 0) return false;
        return present || values(data.token(i, position));
      };
    }
    // CAR fields and payload names: the positions of the field in each shape.
    const numbers = payloadNumbers.get(field);
    const positions = data.shapes.map((shape) => numbers.map((number) => shape.position[number]).filter((p) => p >= 0));
    const values = present ? null : valueTest(test);
    return (i) => {
      const where = positions[data.shapeOf[i]];
      if (where.length === 0) return false;
      if (present) return true;
      for (const position of where) if (values(data.token(i, position))) return true;
      return false;
    };
  }

  const compiled = groups.map((group) => group.map((term) => {
    const matches = compileTerm(term);
    return term.negated ? (i) => !matches(i) : matches;
  }));
  return {
    groups: groups.length,
    matches(i) {
      for (const group of compiled) {
        let all = true;
        for (const term of group) {
          if (!term(i)) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
      return false;
    },
  };
}
