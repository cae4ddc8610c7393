// coverage.js: whether each analytic variant and each Sigma rule could be
// evaluated on each host. Where it could not, its empty list of detections
// says nothing; the page never says "no detections" without saying where
// the variant could look.

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

// Beside the detections: one line per analytic variant with its detections
// and where it could look, and one for the Sigma rules.
function coverageStatus(report) {
  const groups = coverageGroups(report).filter((group) => group.variant !== 'sigma');
  const rules = report.rule_coverage || [];
  if (groups.length === 0 && rules.length === 0) {
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
  if (rules.length) {
    const detections = rules.reduce((sum, host) => sum + host.detections, 0);
    const partial = rules.filter((host) => host.full < host.rules).length;
    const item = make('li', partial ? 'gap' : '');
    item.dataset.key = 'sigma';
    appendText(item, 'Sigma rules (' + formatCount(rules[0].rules) + '): ' + (detections ? plural(detections, 'detection', 'detections') : 'no detections') +
      '. ' + (partial ? 'On ' + formatCount(partial) + ' of ' + plural(rules.length, 'host', 'hosts') + ' some rules could not look fully'
        : 'Every rule could look fully on every host'), false);
    if (partial) {
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
  const all = coverageGroups(report);
  const groups = all.filter((group) => group.variant !== 'sigma');
  const perRule = report.coverage.filter((row) => row.variant === 'sigma');
  const rules = report.rule_coverage || [];
  if (all.length === 0 && rules.length === 0) {
    const none = make('p', 'empty', 'No coverage rows: this scan records no host on which an analytic variant was or was not evaluable.');
    none.dataset.coverage = 'empty';
    body.appendChild(none);
    return;
  }
  if (report.car_catalogue) body.appendChild(catalogueCoverage(report.car_catalogue));
  if (rules.length) body.appendChild(ruleCoverage(rules));
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
      row.appendChild(make('td', entry.evaluable ? 'nowrap' : 'nowrap problem',
        entry.evaluable ? (entry.extent === 'partly' ? 'partly' : 'yes') : 'NOT evaluable')).dataset.column = 'evaluable';
      row.appendChild(make('td', 'count', formatCount(entry.events_examined))).dataset.column = 'events_examined';
      row.appendChild(make('td', 'count', formatCount(entry.detections))).dataset.column = 'detections';
      row.appendChild(make('td', 'data', entry.why_not)).dataset.column = 'why_not';
    }
    const scroller = make('div', 'list-scroll');
    scroller.appendChild(table);
    block.appendChild(scroller);
    body.appendChild(block);
  }
  if (perRule.length) {
    body.appendChild(foldedList({ key: 'rule_coverage_detail', title: 'Each Sigma rule on each host',
      summary: '(--coverage-detail)' }, [
      { label: 'rule', text: (row) => row.analytic_name || row.analytic_id },
      { label: 'host', text: (row) => row.host },
      { label: 'could look', text: (row) => row.extent, className: 'nowrap' },
      { label: 'events examined', count: true, text: (row) => row.events_examined },
      { label: 'detections', count: true, text: (row) => row.detections },
      { label: 'why not', text: (row) => row.why_not },
    ], perRule));
  }
}

// The CAR catalogue as a whole: the variants that could look on no host (and
// why), each variant's reach over the hosts, and the analytics event logs
// cannot answer, with what they would need.
function catalogueCoverage(catalogue) {
  const block = make('div', 'coverage-group catalogue-coverage');
  block.dataset.key = 'car-catalogue';
  block.appendChild(make('h3', null, 'CAR catalogue'));
  if (!catalogue.enabled) {
    block.appendChild(make('p', 'hint', 'The CAR catalogue did not run (--no-car-catalogue).'));
    return block;
  }
  const variants = [];
  for (const analytic of catalogue.runs) {
    for (const variant of analytic.variants) variants.push({ analytic: analytic, variant: variant });
  }
  const nowhere = variants.filter((entry) => entry.variant.not_anywhere);
  const facts = make('p', nowhere.length ? 'coverage-line problem' : 'coverage-line');
  appendText(facts, plural(catalogue.runs.length, 'analytic', 'analytics') + ' ran (' +
    plural(variants.length, 'variant', 'variants') + '); ' +
    (nowhere.length ? plural(nowhere.length, 'variant', 'variants') + ' could look on no host' : 'every variant could look on some host') +
    '; ' + plural(catalogue.not_from_event_logs.length, 'analytic', 'analytics') + ' cannot be evaluated from event logs' +
    (catalogue.not_selected.length ? '; ' + plural(catalogue.not_selected.length, 'analytic', 'analytics') + ' left out by --analytics' : '') + '.', false);
  block.appendChild(facts);
  if (nowhere.length) {
    const list = make('ul', 'nowhere-list');
    list.dataset.list = 'car_catalogue_nowhere';
    for (const entry of nowhere) {
      list.appendChild(make('li', 'data', entry.analytic.id + ' ' + entry.analytic.title + ', variant ' +
        entry.variant.variant + ': ' + entry.variant.not_anywhere));
    }
    block.appendChild(list);
  }
  const lists = make('div', 'folded-lists');
  lists.appendChild(foldedList({ key: 'car_catalogue_variants', title: 'Each analytic variant over the hosts',
    summary: 'how many hosts it could look at fully, partly, not at all' }, [
    { label: 'analytic', text: (entry) => entry.analytic.id, className: 'nowrap' },
    { label: 'title', text: (entry) => entry.analytic.title },
    { label: 'variant', text: (entry) => entry.variant.variant },
    { label: 'sensors', text: (entry) => entry.variant.sensors },
    { label: 'fully', count: true, text: (entry) => entry.variant.hosts_full },
    { label: 'partly', count: true, text: (entry) => entry.variant.hosts_partly },
    { label: 'not at all', count: true, text: (entry) => entry.variant.hosts_none },
    { label: 'detections', count: true, text: (entry) => entry.variant.detections },
  ], variants));
  lists.appendChild(foldedList({ key: 'car_catalogue_not_from_event_logs', title: 'Not evaluable from event logs',
    summary: 'what each analytic would need' }, [
    { label: 'analytic', text: (analytic) => analytic.id, className: 'nowrap' },
    { label: 'title', text: (analytic) => analytic.title },
    { label: 'would need', text: (analytic) => analytic.needs },
  ], catalogue.not_from_event_logs));
  block.appendChild(lists);
  return block;
}

// Per host, how many of the loaded rules could look fully, partly, not at all, and why.
function ruleCoverage(hosts) {
  const block = make('div', 'coverage-group rule-coverage');
  block.dataset.key = 'sigma';
  block.appendChild(make('h3', null, 'Sigma rules on each host'));
  const partial = hosts.filter((host) => host.full < host.rules).length;
  block.appendChild(make('p', partial ? 'coverage-line problem' : 'coverage-line',
    partial ? 'On ' + formatCount(partial) + ' of ' + plural(hosts.length, 'host', 'hosts') + ' some of the ' + formatCount(hosts[0].rules) +
      ' rules could not look fully: the host did not log the events a rule reads (none) or some fields it reads (partly).'
      : 'Every rule could look fully on every host.'));
  // The hosts where the fewest rules could look first.
  const ordered = hosts.slice().sort((a, b) => a.full - b.full || compareText(a.host, b.host));
  block.appendChild(listTable({ key: 'rule_coverage', title: 'Sigma rules on each host',
    rowClass: (host) => (host.full + host.partly === 0 ? 'not-evaluable' : '') }, [
    { label: 'host', text: (host) => host.host || '(no host name)', key: 'host' },
    { label: 'rules', count: true, text: (host) => host.rules },
    { label: 'fully', count: true, text: (host) => host.full, key: 'full' },
    { label: 'partly', count: true, text: (host) => host.partly, key: 'partly' },
    { label: 'not at all', count: true, text: (host) => host.none, key: 'none' },
    { label: 'detections', count: true, text: (host) => host.detections, key: 'detections' },
    { label: 'why not (the commonest reasons)', text: (host) => host.reasons.slice(0, 3).join('\n') +
        (host.reasons.length > 3 ? '\n\u2026 and ' + formatCount(host.reasons.length - 3) + ' more reasons' : ''),
      title: (host) => host.reasons.join('\n'), className: 'data lines', multiline: true, key: 'reasons' },
  ], ordered));
  return block;
}
