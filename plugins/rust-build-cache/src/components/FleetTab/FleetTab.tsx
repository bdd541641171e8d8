import Grid from '@material-ui/core/Grid';
import { CompileTimeCard } from './CompileTimeCard';
import { FragmentationCard } from './FragmentationCard';
import { TimeSavedCard } from './TimeSavedCard';
import { ToolchainDriftCard } from './ToolchainDriftCard';

/**
 * Fleet insights: where compile time goes, toolchain drift, cache fragmentation and the
 * time the cache saves, each over every linked service.
 */
export function FleetTab() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TimeSavedCard />
      </Grid>
      <Grid item xs={12}>
        <CompileTimeCard />
      </Grid>
      <Grid item xs={12}>
        <ToolchainDriftCard />
      </Grid>
      <Grid item xs={12}>
        <FragmentationCard />
      </Grid>
    </Grid>
  );
}
