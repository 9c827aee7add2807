import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  Loader,
  Notification,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light variants (tinted background, coloured text) use the darkest shade for text on the
 * lightest tint, so badges, avatars and active links stay above WCAG AA contrast (4.5:1).
 */
const readableLight: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const text = parsed.color === 'yellow' || parsed.color === 'orange' ? 'dark' : parsed.color;
  return {
    ...colors,
    background: `var(--mantine-color-${parsed.color}-0)`,
    // Same tint on hover: a darker tint under the mouse would drop the text below 4.5:1.
    hover: `var(--mantine-color-${parsed.color}-0)`,
    color: text === 'dark' ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${text}-9)`,
  };
};

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white text on filled buttons and teal text on white above 4.5:1 (shade 6 is 2.5:1).
  primaryShade: 9,
  variantColorResolver: readableLight,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  components: {
    // A loader is announced as a status, which is also what allows it an aria-label.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    // Every notification's close button says what it does. Under a title, Mantine greys the
    // message with gray-6 (3.3:1 on white); the readable dimmed colour keeps it secondary but AA.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: (_theme, props) =>
        props.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : {},
    }),
  },
});

/**
 * Mantine's light-scheme error red (red-6, 3.3:1 on white) colours every field error, invalid
 * input text and required asterisk; red-9 is 5.5:1. Its dimmed grey (gray-6) is 3.3:1; gray-7 is
 * 8:1. Pass to every MantineProvider (`cssVariablesResolver`), so all forms and notifications pass AA.
 */
export const readableColors: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
