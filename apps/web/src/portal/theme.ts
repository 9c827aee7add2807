import { createTheme, mergeThemeOverrides } from '@mantine/core';
import { theme } from '../lib/theme.ts';

/**
 * The shared theme, with the darkest teal as the primary shade: white on Mantine's default teal-6 is
 * 2.5:1, below WCAG AA; teal-9 is 5:1, for buttons and links alike.
 */
export const portalTheme = mergeThemeOverrides(theme, createTheme({ primaryShade: 9 }));
