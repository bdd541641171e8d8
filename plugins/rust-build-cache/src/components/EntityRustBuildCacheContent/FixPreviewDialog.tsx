import { Fragment } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FIX_TEMPLATE_NAME } from '@rust-build-cache/plugin-rust-build-cache-common';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../../api';
import { FixPullRequestLink } from './FixPullRequestLink';
import {
  type FileDiff,
  type FixPreview,
  fixPreviewDryRun,
  fixPreviewOf,
  hunkHeader,
} from './fixPreview';

const useStyles = makeStyles(theme => ({
  diff: {
    fontFamily: 'monospace',
    fontSize: 12,
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  line: { padding: theme.spacing(0, 1), whiteSpace: 'pre' },
  added: { backgroundColor: 'rgba(46, 160, 67, 0.2)' },
  removed: { backgroundColor: 'rgba(248, 81, 73, 0.2)' },
  hunk: { color: theme.palette.text.secondary },
}));

const STATUS_LABEL: Record<FileDiff['status'], string> = {
  added: 'new file',
  modified: 'modified',
  deleted: 'deleted',
};

/** Whether the preview can run: the app has the scaffolder (its API), as the dry-run needs. */
export function useFixPreviewAvailable(): boolean {
  return useApiHolder().get(scaffolderApiRef) !== undefined;
}

function FileDiffView(props: { diff: FileDiff }) {
  const { diff } = props;
  const classes = useStyles();
  const lineClass = (line: string) =>
    `${classes.line} ${
      { '+': classes.added, '-': classes.removed }[line[0]] ?? ''
    }`;
  return (
    <Box mt={2} data-testid="fix-preview-file" data-path={diff.path}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        <code>{diff.path}</code>{' '}
        <Chip
          size="small"
          variant="outlined"
          label={STATUS_LABEL[diff.status]}
        />
      </Typography>
      <pre className={classes.diff} aria-label={`Changes to ${diff.path}`}>
        {diff.hunks.map(hunk => (
          <Fragment key={`${hunk.oldStart}-${hunk.newStart}`}>
            <div className={`${classes.line} ${classes.hunk}`}>
              {hunkHeader(hunk)}
            </div>
            {hunk.lines.map((line, index) => (
              <div key={index} className={lineClass(line)}>
                {line}
              </div>
            ))}
          </Fragment>
        ))}
      </pre>
    </Box>
  );
}

function PreviewBody(props: { preview: FixPreview }) {
  const { preview } = props;
  if (preview.diffs.length === 0) {
    return (
      <Alert severity="info" data-testid="fix-preview-unchanged">
        The template would change no file of {preview.repository}: its workflows
        and toolchain files already have the fixes, or the fixes do not apply to
        them.
        {preview.changes && <MarkdownContent content={preview.changes} />}
      </Alert>
    );
  }
  return (
    <>
      <Typography variant="body2" paragraph>
        The pull request would change {preview.diffs.length}{' '}
        {preview.diffs.length === 1 ? 'file' : 'files'} of{' '}
        <strong>{preview.repository}</strong>:
      </Typography>
      {preview.changes && (
        <Box data-testid="fix-preview-changes">
          <MarkdownContent content={preview.changes} />
        </Box>
      )}
      {preview.diffs.map(diff => (
        <FileDiffView key={diff.path} diff={diff} />
      ))}
    </>
  );
}

/**
 * "Preview the fix": runs the scaffolder's dry-run of the "Fix Rust build caching"
 * template (from the catalog) with the Policy card's form data on the files of the
 * service's repository, and shows the diff of the files the pull request would change.
 * Nothing is written or published.
 */
export function FixPreviewDialog(props: {
  entityRef: CompoundEntityRef;
  formData: Record<string, unknown>;
  onClose: () => void;
}) {
  const { entityRef, formData, onClose } = props;
  const scaffolderApi = useApi(scaffolderApiRef);
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(rustBuildCacheApiRef);
  const state = useAsync(async () => {
    const [template, repository] = await Promise.all([
      catalogApi.getEntityByRef({
        kind: 'Template',
        namespace: 'default',
        name: FIX_TEMPLATE_NAME,
      }),
      api.getFixFiles(entityRef),
    ]);
    if (!template) {
      throw new Error(
        `The template template:default/${FIX_TEMPLATE_NAME} is not in the catalog: register the template of the rust-build-cache scaffolder module`,
      );
    }
    const result = await scaffolderApi.dryRun(
      fixPreviewDryRun(template as TemplateEntityV1beta3, formData, repository),
    );
    return fixPreviewOf(repository, result);
    // By value: a parent's re-render passes an equal ref, which must not run it again.
  }, [
    api,
    catalogApi,
    scaffolderApi,
    entityRef.kind,
    entityRef.namespace,
    entityRef.name,
    formData,
  ]);

  let body;
  if (state.loading) {
    body = (
      <Box data-testid="fix-preview-loading">
        <Typography variant="body2" paragraph>
          Reading the repository's workflows and toolchain files, and running
          the template's dry-run on them…
        </Typography>
        <Progress />
      </Box>
    );
  } else if (state.error) {
    body = <ResponseErrorPanel error={state.error} />;
  } else if (state.value) {
    body = <PreviewBody preview={state.value} />;
  }

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="fix-preview-title"
    >
      <DialogTitle id="fix-preview-title">
        Preview of the fix pull request
        <Typography variant="body2" color="textSecondary">
          The scaffolder's dry-run of the "Fix Rust build caching" template on
          the repository's default branch. Nothing is written or published.
        </Typography>
      </DialogTitle>
      <DialogContent dividers>{body}</DialogContent>
      <DialogActions>
        <Box flexGrow={1} pl={2}>
          <FixPullRequestLink formData={formData} />
        </Box>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
