import { Container, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type Props = { workspace: string | null; actions?: ReactNode; children: ReactNode };

/** The page frame every portal screen shares: a slim header and one centred column. No sidebar. */
export function PortalFrame({ workspace, actions, children }: Props) {
  return (
    <div className="portal-body">
      <a href="#main" className="portal-skip">
        Skip to content
      </a>
      <header className="portal-header">
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm" mih={44}>
            <Link to="/" className="portal-brand">
              <Group gap="xs" wrap="nowrap">
                <ThemeIcon size="lg" radius="md" aria-hidden>
                  <IconLifebuoy size={20} />
                </ThemeIcon>
                <Title order={1} size="h4" lineClamp={2} lh={1.25}>
                  {workspace ?? 'Support'}
                  {workspace && (
                    <Text span inherit visibleFrom="xs">
                      {' '}
                      support
                    </Text>
                  )}
                </Title>
              </Group>
            </Link>
            {actions}
          </Group>
        </Container>
      </header>
      <Container
        size="md"
        py="lg"
        px="md"
        component="main"
        id="main"
        tabIndex={-1}
        style={{ outline: 'none' }}
      >
        {children}
      </Container>
    </div>
  );
}
