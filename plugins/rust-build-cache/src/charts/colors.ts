/** Series colours of the build-cache charts, readable on light and dark themes. */
export const chartColors = {
  hitRate: '#1f77b4',
  effectiveHitRate: '#2ca02c',
  allLanguagesHitRate: '#7f7f7f',
  grid: '#9e9e9e',
};
