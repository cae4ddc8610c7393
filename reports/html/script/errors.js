// errors.js: files not read completely, every problem with the input,
// addresses that did not parse and values the normalizers could not map.
// Long lists are folded with their counts, so the page does not grow with
// them.

function problemPlace(problem) {
  const where = [];
  if (problem.chunk !== null) where.push('chunk ' + problem.chunk);
  if (problem.offset !== null) where.push('offset 0x' + problem.offset.toString(16));
  if (problem.record_index !== null) where.push('record index ' + problem.record_index);
  if (problem.record_id !== null) where.push('record id ' + problem.record_id);
  return where.join(', ');
}

function renderErrors(report) {
  const body = byId('errors-body');
  const paths = displayPaths(report);
  const failedFiles = report.files.map((file, index) => Object.assign({ display: paths[index] }, file))
    .filter((file) => file.status !== 'complete');
  const problems = report.problems;
  const summary = report.summary;
  if (failedFiles.length === 0 && problems.length === 0 && !summary.address_warnings && !summary.normalization_warnings) {
    body.appendChild(make('p', 'empty', 'Every file and every record was read.'));
    return;
  }
  const errors = problems.filter((problem) => !problem.warning).length;
  const lost = problems.reduce((sum, problem) => sum + problem.records_lost, 0);
  body.appendChild(make('p', errors ? 'problem' : null, plural(failedFiles.length, 'file was', 'files were') + ' not read completely; ' +
    plural(errors, 'error', 'errors') + ' and ' + plural(problems.length - errors, 'warning', 'warnings') + ' listed, ' +
    plural(lost, 'record', 'records') + ' lost.'));
  if (failedFiles.length) {
    body.appendChild(foldedList({ key: 'failed_files', title: 'Files not read completely', open: failedFiles.length <= 10 }, [
      { label: 'file', text: (file) => file.display, className: 'data mono' },
      { label: 'status', text: (file) => file.status, className: 'problem' },
      { label: 'records lost', count: true, text: (file) => file.records_failed },
      { label: 'reason', text: (file) => file.reason },
    ], failedFiles));
  }
  if (problems.length) {
    body.appendChild(foldedList({ key: 'problems', title: 'Problems', open: problems.length <= 10,
      rowClass: (problem) => (problem.warning ? '' : 'problem-row') }, [
      { label: 'file', text: (problem) => problem.file, className: 'data mono' },
      { label: 'where', text: problemPlace, className: 'mono nowrap' },
      { label: 'kind', text: (problem) => (problem.warning ? 'warning' : 'error'), className: 'nowrap' },
      { label: 'records lost', count: true, text: (problem) => problem.records_lost },
      { label: 'reason', text: (problem) => problem.reason },
    ], problems));
  }
  if (report.problems_not_listed) {
    body.appendChild(make('p', 'notice', plural(report.problems_not_listed, 'more problem was', 'more problems were') + ' counted but not listed; summary.json has the counts.'));
  }
  if (summary.address_warnings) {
    body.appendChild(foldedList({ key: 'address_warnings', title: plural(summary.address_warnings, 'address', 'addresses') + ' did not parse',
      summary: 'examples' }, [{ label: 'example', text: (text) => text, className: 'data mono' }], summary.address_warning_examples));
  }
  if (summary.normalization_warnings) {
    body.appendChild(foldedList({ key: 'normalization_warnings',
      title: plural(summary.normalization_warnings, 'event was', 'events were') + ' kept with a value that could not be mapped faithfully',
      summary: 'examples' }, [{ label: 'example', text: (text) => text, className: 'data mono' }], summary.normalization_warning_examples));
  }
}
