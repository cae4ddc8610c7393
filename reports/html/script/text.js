// evtxcar report.html: builds the page from the data embedded in it.
//
// Everything shown comes from logs and is attacker-controlled: it only ever
// reaches the page as text (createTextNode / textContent, or attributes
// that only hold text: title, value, data-*), never as markup, and never as
// an attribute the browser would act on. Control and direction-changing
// characters are shown as marked code points.
//
// text.js: text on the page, numbers, times.

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

function button(label, className, onClick) {
  const node = make('button', className, label);
  node.type = 'button';
  if (onClick) node.addEventListener('click', onClick);
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

function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The browser's own storage, which may be refused (private windows, policies):
// then nothing is kept, and the page works as before.
const storage = {
  read(key, fallback) {
    try {
      const text = window.localStorage.getItem(key);
      return text === null ? fallback : JSON.parse(text);
    } catch (error) {
      return fallback;
    }
  },
  write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  },
};

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

function durationText(seconds) {
  const units = [[86400, 'day', 'days'], [3600, 'hour', 'hours'], [60, 'minute', 'minutes'], [1, 'second', 'seconds']];
  for (const [size, one, many] of units) {
    if (seconds >= size && seconds % size === 0) return plural(seconds / size, one, many);
  }
  return seconds + ' s';
}

// ---------------------------------------------------------------- levels
// Sigma's levels, most severe first; detections of analytics without a
// level come after them.
const LEVELS = ['critical', 'high', 'medium', 'low', 'informational'];

function levelRank(level) {
  const rank = LEVELS.indexOf(level);
  return rank < 0 ? LEVELS.length : rank;
}

function levelName(level) {
  return level === '' ? 'no level' : level;
}

// An event record's System Level, by the names Windows gives them.
const RECORD_LEVELS = ['LogAlways', 'Critical', 'Error', 'Warning', 'Information', 'Verbose'];

function recordLevelText(level) {
  return (RECORD_LEVELS[level] || 'level') + ' (' + level + ')';
}
