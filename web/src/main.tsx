import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app';
import { ApiError } from './lib/api';
import { AuthProvider } from './lib/auth';
import { I18nProvider, mergeMessages } from './lib/i18n';
import { shellMessages } from './shell/messages';
import { pageModules } from './shell/modules';
import { cssVariablesResolver, theme } from './shell/theme';

// A 4xx will not change on retry; only network and server errors are worth a second try.
const retry = (count: number, error: unknown) =>
  count < 1 && !(error instanceof ApiError && error.status < 500);
const queryClient = new QueryClient({ defaultOptions: { queries: { retry, staleTime: 10_000 } } });
const messages = mergeMessages([shellMessages, ...pageModules.map((m) => m.messages)]);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <I18nProvider messages={messages}>
          <BrowserRouter>
            <AuthProvider>
              <App />
            </AuthProvider>
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
