// timeline_columns.js: every column the timeline can show (timeline.csv's
// and the record's own), which are shown at first, and their widths.

// Fields shown first in Details, in this order; then the others in the data model's order.
const DETAIL_FIRST = ['command_line', 'src_ip', 'src_port', 'dest_ip', 'dest_port', 'dest_hostname', 'file_path',
  'target_image_path', 'key', 'value', 'data', 'query_name', 'query_results', 'pipe_name', 'module_path', 'user',
  'target_user', 'service_key_name', 'name', 'task_name', 'script_block_text'];

function timelineColumns(data) {
  const field = (name) => data.fieldNumber.get(name);
  const value = (name) => {
    const number = field(name);
    return (i) => (number === undefined ? '' : data.value(i, number));
  };
  const IMAGE = field('image_path');
  const EXE = field('exe');
  const HOSTNAME = field('hostname');
  const fieldColumn = (key, label, width, options) => Object.assign({ key, label, width, field: key, text: value(key) }, options || {});
  return [
    { key: 'time', label: 'Time (UTC)', width: 234, shown: true, text: (i) => data.time(i), sort: 'time' },
    { key: 'host', label: 'Host', width: 110, shown: true, text: (i) => data.shape(i).host },
    { key: 'event', label: 'Event', width: 165, shown: true, text: (i) => data.shape(i).event },
    { key: 'event_id', label: 'Event id', width: 84, shown: true, text: (i) => String(data.shape(i).eventId), sort: 'number' },
    { key: 'object', label: 'Object', width: 110, text: (i) => data.shape(i).object },
    { key: 'action', label: 'Action', width: 110, text: (i) => data.shape(i).action },
    { key: 'exe', label: 'Exe', width: 140, shown: true, field: 'exe',
      text: (i) => data.value(i, EXE) || baseName(data.value(i, IMAGE)) },
    fieldColumn('image_path', 'Image', 300),
    fieldColumn('pid', 'Pid', 70, { sort: 'number' }),
    fieldColumn('ppid', 'Ppid', 70, { sort: 'number' }),
    fieldColumn('user', 'User', 180),
    fieldColumn('command_line', 'Command line', 380),
    fieldColumn('parent_image_path', 'Parent image', 280),
    fieldColumn('parent_command_line', 'Parent command line', 320),
    fieldColumn('guid', 'Process GUID', 300),
    fieldColumn('src_ip', 'Source IP', 130),
    fieldColumn('src_port', 'Source port', 80, { sort: 'number' }),
    fieldColumn('dest_ip', 'Destination IP', 130),
    fieldColumn('dest_port', 'Destination port', 80, { sort: 'number' }),
    { key: 'details', label: 'Details', width: 520, shown: true, details: true, text: null, sort: 'none' },
    { key: 'analytics', label: 'Analytics', width: 180, shown: true,
      text: (i) => data.shape(i).analytics.map((label) => data.analyticNames.get(label) || label).join('; ') },
    { key: 'channel', label: 'Channel', width: 190, text: (i) => data.shape(i).channel },
    { key: 'provider', label: 'Provider', width: 220, text: (i) => data.shape(i).provider },
    { key: 'level', label: 'Level', width: 120, text: (i) => recordLevelText(data.shape(i).level) },
    { key: 'record_id', label: 'Record id', width: 90, text: (i) => String(data.recordId[i]), sort: 'number' },
    { key: 'source', label: 'Source', width: 240, shown: true, sort: 'source',
      text: (i) => '#' + data.recordId[i] + ' ' + data.shape(i).displayPath },
    { key: 'copies', label: 'Copies', width: 70, text: (i) => String(1 + data.shape(i).copies.length), sort: 'number' },
    { key: 'user_sid', label: 'User SID', width: 260, text: (i) => data.userSid(i) },
  ].map((column) => {
    if (column.details) {
      column.text = (i, shownFields) => detailsText(data, i, shownFields, HOSTNAME);
    }
    return column;
  });
}

// The other fields of a row, as name=value: for a typed event its CAR
// fields not shown in columns of their own; for a generic event its payload.
function detailsText(data, i, shownFields, hostnameField) {
  const shape = data.shape(i);
  const values = data.raw(i);
  const parts = [];
  if (shape.generic) {
    for (const entry of shape.payloadFields) parts.push(data.fieldNames[entry.number] + '=' + data.text(values[entry.position]));
    return parts.join('  ');
  }
  const seen = new Set();
  for (const name of DETAIL_FIRST) {
    const number = data.fieldNumber.get(name);
    if (number === undefined || shape.position[number] < 0 || shownFields.has(number)) continue;
    seen.add(number);
    parts.push(name + '=' + data.text(values[shape.position[number]]));
  }
  for (const number of shape.fields) {
    if (seen.has(number) || shownFields.has(number) || number === hostnameField) continue;
    parts.push(data.fieldNames[number] + '=' + data.text(values[shape.position[number]]));
  }
  return parts.join('  ');
}
