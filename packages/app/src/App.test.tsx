import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the guest sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // The sign-in page comes first; the nav items come from the plugin's page blueprints.
    expect(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});
