import { coreServices } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';

/** The services the plugin's features are built from. */
export const pluginDeps = {
  logger: coreServices.logger,
  config: coreServices.rootConfig,
  database: coreServices.database,
  httpRouter: coreServices.httpRouter,
  httpAuth: coreServices.httpAuth,
  auth: coreServices.auth,
  permissions: coreServices.permissions,
  auditor: coreServices.auditor,
  permissionsRegistry: coreServices.permissionsRegistry,
  scheduler: coreServices.scheduler,
  urlReader: coreServices.urlReader,
  catalog: catalogServiceRef,
  lifecycle: coreServices.lifecycle,
  notifier: notificationService,
  actionsRegistry: actionsRegistryServiceRef,
};
