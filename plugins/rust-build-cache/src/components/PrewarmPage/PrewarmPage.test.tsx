import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PrewarmPage } from './PrewarmPage';

describe('PrewarmPage', () => {
  it('shows an honest empty state that explains pre-warming', async () => {
    await renderInTestApp(<PrewarmPage />);

    expect(
      screen.getByRole('heading', { name: 'Cache pre-warming' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No pre-warming schedules yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/sccache's cache keys depend on all of them/),
    ).toBeInTheDocument();
    // A placeholder page must not invent figures.
    expect(document.body.textContent).not.toMatch(/\d+(\.\d+)?\s*%/);
  });
});
