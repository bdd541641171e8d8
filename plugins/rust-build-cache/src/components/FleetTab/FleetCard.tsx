import type { ReactNode } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { formatTimestamp } from '../../format';

/**
 * A fleet view's card: progress while the first answer loads, the error, an empty state
 * when `isEmpty`, else `children` with when the view was computed.
 */
export function FleetCard<T extends { computedAt: string }>(props: {
  title: string;
  subheader?: string;
  state: { loading: boolean; error?: Error; value?: T };
  isEmpty: (value: T) => boolean;
  emptyTitle: string;
  emptyDescription: string;
  action?: ReactNode;
  testId: string;
  children: (value: T) => ReactNode;
}) {
  const { state, isEmpty } = props;
  let body: ReactNode;
  if (state.loading && !state.value) body = <Progress />;
  else if (state.error) body = <ResponseErrorPanel error={state.error} />;
  else if (!state.value || isEmpty(state.value))
    body = (
      <EmptyState
        missing="data"
        title={props.emptyTitle}
        description={props.emptyDescription}
      />
    );
  else body = props.children(state.value);
  return (
    <InfoCard
      title={props.title}
      subheader={
        state.value
          ? `${props.subheader ?? ''}${
              props.subheader ? ' · ' : ''
            }computed ${formatTimestamp(state.value.computedAt)}`
          : props.subheader
      }
      action={props.action}
    >
      <div data-testid={props.testId}>{body}</div>
    </InfoCard>
  );
}
