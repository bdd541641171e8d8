import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { FIX_TEMPLATE_NAME } from '@rust-build-cache/plugin-rust-build-cache-common';
import { fixTemplateRouteRef } from '../../routes';

/**
 * "Open a fix pull request": the scaffolder's "Fix Rust build caching" template with the
 * form filled in. Renders nothing when the scaffolder is not installed (the optional
 * external route is unbound), as the catalog's create-from-template link does.
 */
export function FixPullRequestLink(props: {
  /** The rule the link is shown for, for its accessible name. */
  ruleId?: string;
  formData: Record<string, unknown>;
}) {
  const templateRoute = useRouteRef(fixTemplateRouteRef);
  if (!templateRoute) return null;
  const url = `${templateRoute({
    namespace: 'default',
    templateName: FIX_TEMPLATE_NAME,
  })}?formData=${encodeURIComponent(JSON.stringify(props.formData))}`;
  return (
    <Link
      to={url}
      data-testid="fix-pull-request-link"
      aria-label={
        props.ruleId
          ? `Open a fix pull request for ${props.ruleId}`
          : 'Open a fix pull request'
      }
    >
      Open a fix pull request
    </Link>
  );
}
