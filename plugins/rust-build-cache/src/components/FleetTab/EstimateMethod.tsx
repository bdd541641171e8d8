import Typography from '@material-ui/core/Typography';
import type { FleetEstimateMethod } from '@rust-build-cache/plugin-rust-build-cache-common';

/** How an estimate is made and what it leaves out, shown beside its numbers. */
export function EstimateMethod(props: {
  method: FleetEstimateMethod;
  testId: string;
}) {
  const { method, testId } = props;
  return (
    <div data-testid={testId}>
      <Typography variant="body2" gutterBottom>
        <strong>Estimate.</strong> {method.formula}
      </Typography>
      <Typography variant="body2" component="div">
        <strong>Left out or uncertain:</strong>
        <ul style={{ marginTop: 4, paddingLeft: 20 }}>
          {method.limits.map(limit => (
            <li key={limit}>{limit}</li>
          ))}
        </ul>
      </Typography>
    </div>
  );
}
