import { MarkdownContent } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  // Body text size, as the rest of the rule row; no margin above the first paragraph.
  remediation: {
    ...theme.typography.body2,
    '& p': { ...theme.typography.body2, margin: theme.spacing(0, 0, 1) },
    '& p:last-child': { marginBottom: 0 },
  },
}));

/**
 * A rule's remediation. The texts are Markdown (backticks for settings, paths and
 * commands), from the built-in rules or the policy in app-config; MarkdownContent renders
 * them sanitised, without raw HTML.
 */
export function RemediationText(props: { text: string }) {
  const classes = useStyles();
  return (
    <div data-testid="remediation">
      <MarkdownContent
        className={classes.remediation}
        content={props.text}
        dialect="gfm"
      />
    </div>
  );
}
