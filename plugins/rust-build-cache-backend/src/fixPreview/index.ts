import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { FixFilesReader } from './FixFilesReader';
import { createFixFilesRouter } from './fixFilesRouter';

/** The fix preview's repository files (`GET /entities/…/fix-files`). */
export function createFixPreviewFeature(options: {
  config: RootConfigService;
  urlReader: UrlReaderService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}): { router: express.Router } {
  const reader = new FixFilesReader({
    urlReader: options.urlReader,
    integrations: ScmIntegrations.fromConfig(options.config),
    catalog: options.catalog,
  });
  return { router: createFixFilesRouter({ ...options, reader }) };
}
