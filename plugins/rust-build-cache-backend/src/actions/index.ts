import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PolicyService } from '../policy';
import { PrewarmService } from '../prewarm';
import { RunQueryService } from '../reports';
import { ActionAccess } from './actionAccess';
import { registerExplainMissesAction } from './explainMissesAction';
import { registerHealthAction } from './healthAction';
import {
  registerCheckReportAction,
  registerFailingRuleAction,
} from './policyActions';
import { registerRunPrewarmAction } from './prewarmAction';

/**
 * The plugin's actions for AI assistants, in Backstage's actions registry (served to MCP
 * clients by `@backstage/plugin-mcp-actions-backend`). The registry checks no permission:
 * each action checks its caller through `ActionAccess`.
 */
export function registerRustBuildCacheActions(deps: {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  runs: RunQueryService;
  policy: PolicyService;
  prewarm: PrewarmService;
}): void {
  const { actionsRegistry, runs, policy, prewarm } = deps;
  const access = new ActionAccess(deps);
  registerHealthAction({ actionsRegistry, access, runs, policy });
  registerExplainMissesAction({ actionsRegistry, access, runs, policy });
  registerFailingRuleAction({ actionsRegistry, access, policy });
  registerCheckReportAction({ actionsRegistry, access, policy });
  registerRunPrewarmAction({ actionsRegistry, access, prewarm });
}
