// activity.js: events per time bucket and host, as SVG bar charts; a click
// on a bar shows that host and time in the timeline.

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

