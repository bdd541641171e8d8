import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { githubActionsReportSnippet } from './ciSnippet';

/** Shown until the first report of this service arrives: what to add to CI, ready to copy. */
export function NoReportsEmptyState(props: { workspacePath: string }) {
  const { workspacePath } = props;
  return (
    <EmptyState
      missing="data"
      title="No build cache reports yet"
      description={`Backstage has not received a report for the Cargo workspace "${workspacePath}" yet. Add these lines to the CI job that builds it; the report is sent at the end of every run, and this tab fills in after the first one.`}
      action={
        <Box maxWidth={800}>
          <CodeSnippet
            language="yaml"
            text={githubActionsReportSnippet(workspacePath)}
            showCopyCodeButton
          />
        </Box>
      }
    />
  );
}
