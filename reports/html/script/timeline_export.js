// timeline_export.js: the timeline's rows as a CSV file the browser saves,
// and the rows the analyst marked, kept in the browser's storage per report.

// One cell as evtxcar's CSV files write it (reports/csv_text.hpp): a value
// a spreadsheet would evaluate gets a leading apostrophe (a lone "-" does
// not), a value with a comma, quote or line break is quoted.
function csvCell(value) {
  let text = String(value);
  if (text !== '' && text !== '-' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function csvText(header, rows, byteOrderMark) {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return (byteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

// Hands the text to the browser as a download; nothing leaves the machine.
function saveText(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// Marked rows of this report (entry indexes), kept in localStorage under a
// key of the report's own, so that marks of one report never show in another.
function createMarks(report) {
  const run = report.run;
  const key = 'evtxcar:marks:' + [run.output_directory, run.started_utc, run.finished_utc, report.timeline.rows,
    report.timeline.base_time].join('|');
  const marked = new Set(storage.read(key, []).filter((entry) => Number.isInteger(entry) && entry >= 0));
  const listeners = [];
  const save = () => {
    storage.write(key, [...marked].sort((a, b) => a - b));
    for (const listener of listeners) listener();
  };
  return {
    has: (entry) => marked.has(entry),
    size: () => marked.size,
    entries: () => [...marked].sort((a, b) => a - b),
    toggle(entry) {
      if (marked.has(entry)) marked.delete(entry);
      else marked.add(entry);
      save();
    },
    clear() {
      marked.clear();
      save();
    },
    onChange: (listener) => listeners.push(listener),
  };
}
