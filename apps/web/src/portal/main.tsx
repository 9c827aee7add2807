// Only the Mantine CSS the portal uses: the full styles.css is ~290 KB and the portal must stay light.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/ThemeIcon.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Divider.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';
import './portal.css';
import { type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from '../lib/query.ts';
import { readableColors } from '../lib/theme.ts';
import { PortalApp } from './PortalApp.tsx';
import { portalTheme } from './theme.ts';

// Mantine's dimmed grey is too faint on the portal's light grey page (WCAG contrast); a darker one reads well.
// The shared readable colours (error red) come first.
const readableDimmed: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { ...readableColors(t).light, '--mantine-color-dimmed': '#5c636a' },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={portalTheme} cssVariablesResolver={readableDimmed}>
      <Notifications position="top-center" limit={3} />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/portal">
          <PortalApp />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
