// main.js: reads the data and builds the page, section by section.

// Marks the steps of building the page (performance.getEntriesByType('mark')).
function step(name) {
  performance.mark('evtxcar:' + name);
}

function start() {
  step('script');
  const report = readData('evtxcar-report');
  const rows = readText('evtxcar-rows');
  step('parsed');
  const data = decodeTimeline(report, rows);
  step('decoded');
  const paths = displayPaths(report);
  const files = report.files.map((file, index) => ({ path: file.path, display: paths[index] }));
  const model = buildDetectionModel(report, data);
  renderRun(report);
  renderSummary(report, model);
  step('summary');
  const timeline = createTimeline(report, data, files);
  step('timeline');
  renderActivity(report, (host, from, before) => {
    timeline.setFilter({ host, from, before });
    byId('timeline').scrollIntoView();
  });
  renderDetections(report, model, files, timeline);
  renderCoverage(report);
  renderErrors(report);
  step('ready');
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.state = 'ready';
  // Once the page is shown and idle: what the first search needs.
  const prepare = () => { data.prepareSearch(); step('search-prepared'); };
  if (window.requestIdleCallback) window.requestIdleCallback(prepare, { timeout: 2000 });
  else setTimeout(prepare, 200);
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
