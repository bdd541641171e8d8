import { useCallback, useMemo, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  BUILT_IN_RULES,
  type ExemptionAuditEntry,
  type ExemptionRecord,
  type ExemptionState,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatTimestamp, NOT_AVAILABLE } from '../../format';
import {
  useExemptionAudit,
  useManageableEntityRefs,
  useExemptions,
  usePolicy,
  useReloadKey,
} from '../../hooks';
import {
  CreateExemptionDialog,
  RevokeExemptionDialog,
  type RuleOption,
} from '../policyShared';
import { PagedTable, useTablePaging } from '../shared';

const STATES: Array<{ value: ExemptionState | 'all'; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'all', label: 'All' },
];

const AUDIT_PAGE_SIZES = [10, 20, 50];

/** The rules of the policy in force, for the create dialog. */
function useRuleOptions(): RuleOption[] {
  const { value } = usePolicy();
  return useMemo(
    () =>
      (value?.policy.rules ?? []).map(rule => ({
        id: rule.id,
        title: rule.title ?? BUILT_IN_RULES[rule.id]?.title ?? rule.id,
      })),
    [value],
  );
}

function ExemptionsTable(props: {
  exemptions: ExemptionRecord[];
  onRevoke: (exemption: ExemptionRecord) => void;
}) {
  const { exemptions, onRevoke } = props;
  // Per entity: a policy may let owners manage the exemptions of their own services only.
  const manageable = useManageableEntityRefs(
    exemptions.map(exemption => exemption.entityRef),
  );
  const canManage = manageable.size > 0;
  const columns = useMemo<TableColumn<ExemptionRecord>[]>(
    () => [
      {
        title: 'Service',
        render: row => (
          <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
        ),
      },
      { title: 'Rule', render: row => <code>{row.ruleId}</code> },
      { title: 'Reason', field: 'reason' },
      { title: 'Author', field: 'author' },
      { title: 'Created', render: row => formatTimestamp(row.createdAt) },
      { title: 'Expires', render: row => formatTimestamp(row.expiresAt) },
      {
        title: 'State',
        render: row =>
          row.state === 'revoked'
            ? `Revoked by ${
                row.revokedBy ?? NOT_AVAILABLE
              } at ${formatTimestamp(row.revokedAt)}`
            : STATES.find(s => s.value === row.state)?.label ?? row.state,
      },
      ...(canManage
        ? [
            {
              title: 'Actions',
              render: (row: ExemptionRecord) =>
                row.state === 'active' && manageable.has(row.entityRef) ? (
                  <Button
                    size="small"
                    color="secondary"
                    variant="outlined"
                    aria-label={`Revoke exemption of ${row.entityRef} from ${row.ruleId}`}
                    onClick={() => onRevoke(row)}
                  >
                    Revoke
                  </Button>
                ) : null,
            } as TableColumn<ExemptionRecord>,
          ]
        : []),
    ],
    [canManage, manageable, onRevoke],
  );
  return (
    <Table<ExemptionRecord>
      title="Exemptions"
      columns={columns}
      data={exemptions}
      options={{
        paging: exemptions.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No exemptions in this state.
        </Typography>
      }
    />
  );
}

function AuditLog(props: { reloadKey: number }) {
  const paging = useTablePaging(AUDIT_PAGE_SIZES);
  const audit = useExemptionAudit(
    paging.page,
    paging.pageSize,
    props.reloadKey,
  );
  const columns = useMemo<TableColumn<ExemptionAuditEntry>[]>(
    () => [
      { title: 'When', render: row => formatTimestamp(row.at) },
      { title: 'Who', field: 'actor' },
      {
        title: 'What',
        render: row => (row.action === 'created' ? 'Created' : 'Revoked'),
      },
      {
        title: 'Service',
        render: row => (
          <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
        ),
      },
      { title: 'Rule', render: row => <code>{row.ruleId}</code> },
      {
        title: 'Details',
        render: row =>
          Object.entries(row.details)
            .filter(([, value]) => value !== null && value !== '')
            .map(([key, value]) => `${key}: ${value}`)
            .join('; ') || NOT_AVAILABLE,
      },
    ],
    [],
  );
  if (audit.error) {
    return (
      <InfoCard title="Audit log">
        <ResponseErrorPanel error={audit.error} />
      </InfoCard>
    );
  }
  if (!audit.value) {
    return (
      <InfoCard title="Audit log">
        <Progress />
      </InfoCard>
    );
  }
  return (
    <PagedTable<ExemptionAuditEntry>
      title="Audit log"
      subtitle="Every change of an exemption: who, when, what."
      columns={columns}
      items={audit.value.items}
      total={audit.value.total}
      isLoading={audit.loading}
      paging={paging}
      emptyMessage="No exemption has been created or revoked yet."
    />
  );
}

/**
 * Exemptions by state, with create and revoke for those allowed to manage the exemptions
 * of the entity, and the audit log of every change.
 */
export function ExemptionsTab(props: { onChanged?: () => void }) {
  const { onChanged } = props;
  const [state, setState] = useState<ExemptionState | 'all'>('active');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ExemptionRecord | null>(null);
  const [reloadKey, reload] = useReloadKey();
  const rules = useRuleOptions();
  const exemptions = useExemptions({ state, reloadKey });

  const afterChange = useCallback(() => {
    reload();
    onChanged?.();
  }, [reload, onChanged]);
  const onCreated = useCallback(() => {
    setCreating(false);
    afterChange();
  }, [afterChange]);
  const onRevoked = useCallback(() => {
    setRevoking(null);
    afterChange();
  }, [afterChange]);

  let list;
  if (exemptions.error) {
    list = (
      <InfoCard title="Exemptions">
        <ResponseErrorPanel error={exemptions.error} />
      </InfoCard>
    );
  } else if (!exemptions.value) {
    list = (
      <InfoCard title="Exemptions">
        <Progress />
      </InfoCard>
    );
  } else {
    list = (
      <ExemptionsTable exemptions={exemptions.value} onRevoke={setRevoking} />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <TextField
            select
            label="State"
            value={state}
            onChange={e => setState(e.target.value as ExemptionState | 'all')}
            variant="outlined"
            size="small"
            style={{ minWidth: 160 }}
            SelectProps={{ SelectDisplayProps: { 'aria-label': 'State' } }}
          >
            {STATES.map(option => (
              <MenuItem key={option.value} value={option.value}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
          {exemptions.value && (
            <Typography variant="body2" color="textSecondary">
              {formatCount(exemptions.value.length)} shown
            </Typography>
          )}
          <Box flexGrow={1} />
          {/* Whether the user may exempt a service depends on the service: the
              dialog asks once one is entered. */}
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setCreating(true)}
          >
            Add exemption
          </Button>
        </Box>
      </Grid>
      <Grid item xs={12}>
        {list}
      </Grid>
      <Grid item xs={12}>
        <AuditLog reloadKey={reloadKey} />
      </Grid>
      {creating && (
        <CreateExemptionDialog
          open
          rules={rules}
          onClose={() => setCreating(false)}
          onCreated={onCreated}
        />
      )}
      {revoking && (
        <RevokeExemptionDialog
          exemption={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={onRevoked}
        />
      )}
    </Grid>
  );
}
