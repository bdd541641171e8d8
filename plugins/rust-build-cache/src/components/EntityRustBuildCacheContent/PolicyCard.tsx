import { useCallback, useState } from 'react';
import {
  type CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  EntityScorecard,
  ExemptionRecord,
  RuleResult,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { Entity } from '@backstage/catalog-model';
import { formatTimestamp } from '../../format';
import {
  useCanManageExemptions,
  useEntityScorecard,
  useExemptions,
  usePolicy,
  useReloadKey,
} from '../../hooks';
import {
  CreateExemptionDialog,
  EvidenceList,
  OutcomeChip,
  RemediationText,
  RevokeExemptionDialog,
} from '../policyShared';
import { FixPreviewDialog, useFixPreviewAvailable } from './FixPreviewDialog';
import { FixPullRequestLink } from './FixPullRequestLink';
import { fixPullRequestFormData, hasMechanicalFix } from './fixPullRequest';

const TITLE = 'Policy';

/** Outcomes whose remediation is worth showing: the rule is not met (or not yet known). */
const NEEDS_REMEDIATION = new Set([
  'fail',
  'warn',
  'exempt',
  'insufficient-data',
]);

function LevelSummary(props: {
  scorecard: EntityScorecard;
  levelTitle: (levelId: string) => string;
}) {
  const { scorecard, levelTitle } = props;
  const titleOf = (ruleId: string) =>
    scorecard.results.find(r => r.ruleId === ruleId)?.title ?? ruleId;
  return (
    <Box mb={2}>
      <Typography variant="body1" component="div">
        Level:{' '}
        {scorecard.level ? (
          <Chip
            size="small"
            color="primary"
            label={levelTitle(scorecard.level)}
            data-testid="policy-level"
          />
        ) : (
          <strong data-testid="policy-level">none reached yet</strong>
        )}
      </Typography>
      {scorecard.nextLevel ? (
        <Box mt={1} data-testid="policy-next-level">
          <Typography variant="body2">
            Next level <strong>{levelTitle(scorecard.nextLevel.id)}</strong> is
            blocked by:
          </Typography>
          <ul style={{ marginTop: 4, marginBottom: 0 }}>
            {scorecard.nextLevel.blockingRuleIds.map(ruleId => (
              <li key={ruleId}>
                <Typography variant="body2">
                  {titleOf(ruleId)} (<code>{ruleId}</code>)
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      ) : (
        <Typography variant="body2" data-testid="policy-next-level">
          Every level of the policy is reached.
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        Evaluated {formatTimestamp(scorecard.evaluatedAt)}
      </Typography>
    </Box>
  );
}

function ExemptionNote(props: {
  exemption: ExemptionRecord | undefined;
  canManage: boolean;
  onRevoke: (exemption: ExemptionRecord) => void;
}) {
  const { exemption, canManage, onRevoke } = props;
  if (!exemption) return null;
  return (
    <Alert
      severity="info"
      style={{ marginTop: 8 }}
      data-testid="exemption-note"
    >
      Exempt until {formatTimestamp(exemption.expiresAt)}: {exemption.reason}{' '}
      (by {exemption.author}).
      {canManage && (
        <Button
          size="small"
          color="secondary"
          onClick={() => onRevoke(exemption)}
          style={{ marginLeft: 8 }}
        >
          Revoke exemption
        </Button>
      )}
    </Alert>
  );
}

function RuleResultRow(props: {
  result: RuleResult;
  exemption: ExemptionRecord | undefined;
  canManage: boolean;
  onExempt: (ruleId: string) => void;
  onRevoke: (exemption: ExemptionRecord) => void;
  /** The fix template's form data when the service has fixable rules. */
  fixFormData: Record<string, unknown> | undefined;
  /** Opens the fix preview; absent when the app has no scaffolder. */
  onPreviewFix: (() => void) | undefined;
}) {
  const {
    result,
    exemption,
    canManage,
    onExempt,
    onRevoke,
    fixFormData,
    onPreviewFix,
  } = props;
  const canBeExempted =
    canManage && (result.result === 'fail' || result.result === 'warn');
  return (
    <TableRow data-rule-id={result.ruleId}>
      <TableCell style={{ verticalAlign: 'top', minWidth: 180 }}>
        <Typography variant="body2">
          <strong>{result.title}</strong>
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          <code>{result.ruleId}</code> · {result.severity}
        </Typography>
        {result.description && (
          <Typography variant="caption" component="div">
            {result.description}
          </Typography>
        )}
      </TableCell>
      <TableCell style={{ verticalAlign: 'top' }}>
        <OutcomeChip outcome={result.result} />
      </TableCell>
      <TableCell style={{ verticalAlign: 'top' }}>
        <Typography variant="body2" paragraph>
          {result.summary}
        </Typography>
        <EvidenceList evidence={result.evidence} />
        {result.result === 'exempt' && (
          <ExemptionNote
            exemption={exemption}
            canManage={canManage}
            onRevoke={onRevoke}
          />
        )}
      </TableCell>
      <TableCell style={{ verticalAlign: 'top' }}>
        {NEEDS_REMEDIATION.has(result.result) ? (
          <RemediationText text={result.remediation} />
        ) : null}
        {fixFormData && hasMechanicalFix(result) && (
          <Box mt={1}>
            <FixPullRequestLink ruleId={result.ruleId} formData={fixFormData} />
            {onPreviewFix && (
              <Box mt={1}>
                <Button
                  size="small"
                  variant="outlined"
                  color="primary"
                  onClick={onPreviewFix}
                  aria-label={`Preview the fix for ${result.ruleId}`}
                >
                  Preview the fix
                </Button>
              </Box>
            )}
          </Box>
        )}
        {canBeExempted && (
          <Box mt={1}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => onExempt(result.ruleId)}
              aria-label={`Add exemption from ${result.ruleId}`}
            >
              Add exemption
            </Button>
          </Box>
        )}
      </TableCell>
    </TableRow>
  );
}

/** What the fix pull request links need beyond the scorecard. */
export interface PolicyCardFixSource {
  entity: Entity;
  /** The rustc release of the latest CI run, the toolchain to pin. */
  ciRustRelease: string | null;
}

function ScorecardBody(props: {
  entityRef: CompoundEntityRef;
  scorecard: EntityScorecard;
  onChanged: () => void;
  fix?: PolicyCardFixSource;
}) {
  const { entityRef, scorecard, onChanged, fix } = props;
  const canManage = useCanManageExemptions(scorecard.entityRef);
  // Level titles come from the policy; until it loads (or if it cannot), the ids do.
  const policy = usePolicy();
  const levelTitle = (levelId: string) =>
    policy.value?.policy.levels.find(level => level.id === levelId)?.title ??
    levelId;
  const hasExempt = scorecard.results.some(r => r.result === 'exempt');
  const fixFormData =
    fix &&
    fixPullRequestFormData(
      {
        ...fix,
        baselineRustRelease: policy.value?.policy.baseline?.rustRelease ?? null,
      },
      scorecard.results,
    );
  const [reloadKey, reloadExemptions] = useReloadKey();
  // Only exempt results need their exemption (reason, author, expiry, revoke).
  const exemptions = useExemptions({
    entityRef: scorecard.entityRef,
    state: 'active',
    reloadKey,
    skip: !hasExempt,
  });
  const [exemptRuleId, setExemptRuleId] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ExemptionRecord | null>(null);
  // The form data as it was when the preview opened: the dry-run runs once for it.
  const [previewing, setPreviewing] = useState<Record<string, unknown> | null>(
    null,
  );
  const canPreview = useFixPreviewAvailable();

  const afterChange = useCallback(() => {
    setExemptRuleId(null);
    setRevoking(null);
    reloadExemptions();
    onChanged();
  }, [reloadExemptions, onChanged]);

  const exemptionOf = (ruleId: string) =>
    exemptions.value?.find(e => e.ruleId === ruleId);

  return (
    <>
      <LevelSummary scorecard={scorecard} levelTitle={levelTitle} />
      <Table size="small" aria-label="policy rule results">
        <TableHead>
          <TableRow>
            <TableCell>Rule</TableCell>
            <TableCell>Result</TableCell>
            <TableCell>Evidence</TableCell>
            <TableCell>Remediation</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {scorecard.results.map(result => (
            <RuleResultRow
              key={result.ruleId}
              result={result}
              exemption={exemptionOf(result.ruleId)}
              canManage={canManage}
              onExempt={setExemptRuleId}
              onRevoke={setRevoking}
              fixFormData={fixFormData}
              onPreviewFix={
                canPreview && fixFormData
                  ? () => setPreviewing(fixFormData)
                  : undefined
              }
            />
          ))}
        </TableBody>
      </Table>
      {exemptRuleId && (
        <CreateExemptionDialog
          open
          fixedEntity
          rules={scorecard.results.map(r => ({ id: r.ruleId, title: r.title }))}
          initial={{
            entityRef: stringifyEntityRef(entityRef),
            ruleId: exemptRuleId,
          }}
          onClose={() => setExemptRuleId(null)}
          onCreated={afterChange}
        />
      )}
      {previewing && (
        <FixPreviewDialog
          entityRef={entityRef}
          formData={previewing}
          onClose={() => setPreviewing(null)}
        />
      )}
      {revoking && (
        <RevokeExemptionDialog
          exemption={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={afterChange}
        />
      )}
    </>
  );
}

/**
 * The service's caching-policy scorecard: its level and what blocks the next one, and every
 * rule's result with its evidence and remediation.
 */
export function PolicyCard(props: {
  entityRef: CompoundEntityRef;
  /** The tab's `useEntityScorecard`, so that "Refresh now" reloads it too. */
  scorecard: ReturnType<typeof useEntityScorecard>;
  /** Reloads the scorecard after an exemption was added or revoked. */
  onChanged: () => void;
  /** For "Open a fix pull request" links; without it there are none. */
  fix?: PolicyCardFixSource;
}) {
  const { entityRef, onChanged, fix } = props;
  const { loading, error, value } = props.scorecard;

  let body;
  if (loading && value === undefined) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value)
    body = (
      <Typography variant="body2" data-testid="scorecard-not-evaluated">
        Not evaluated yet. The service is evaluated against the caching policy
        when its next build-cache report arrives, and every night.
      </Typography>
    );
  else
    body = (
      <ScorecardBody
        entityRef={entityRef}
        scorecard={value}
        onChanged={onChanged}
        fix={fix}
      />
    );

  return (
    <InfoCard
      title={TITLE}
      subheader="The service against the organisation's build caching policy"
    >
      {body}
    </InfoCard>
  );
}
