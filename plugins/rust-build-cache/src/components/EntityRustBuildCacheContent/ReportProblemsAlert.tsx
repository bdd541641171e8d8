import Alert from '@material-ui/lab/Alert';
import type { ReportProblem } from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * The input files `collect` found broken in this run. The report was stored anyway, without
 * what those files would have told; nothing shows when there are none.
 */
export function ReportProblemsAlert(props: { problems?: ReportProblem[] }) {
  const problems = props.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="report-problems">
      <strong>
        {problems.length === 1
          ? 'One input file of this run is broken'
          : `${problems.length} input files of this run are broken`}
        ;
      </strong>{' '}
      the report leaves out what they would have told, and a broken toolchain
      file or Cargo.lock fails its policy rule.
      <ul>
        {problems.map(problem => (
          <li key={`${problem.file}: ${problem.message}`}>
            <code>{problem.file}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
